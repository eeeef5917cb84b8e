import { List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RuleOutcome } from '../../../shared/contracts/applications.ts'
import { useReasonText } from '../screening/labels.tsx'

// `text`: the theme's dark text of each colour (small text on white needs 4.5:1; the plain shades fall short).
const look = {
  pass: { color: 'green', text: 'var(--mantine-color-green-light-color)', Icon: IconCheck },
  fail: { color: 'red', text: 'var(--mantine-color-red-light-color)', Icon: IconX },
  warning: { color: 'yellow', text: 'var(--mantine-color-yellow-light-color)', Icon: IconAlertTriangle },
} as const

/**
 * The call's consortium rules on the lead and the accepted members, as the server judged them with the
 * shared engine: green or red with the reason, in the words of the eligibility screening.
 */
export function RuleChecklist({ rules, pass }: { rules: RuleOutcome[]; pass: boolean }) {
  const { t } = useTranslation()
  const reason = useReasonText()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="consortium-rules">
      <Stack gap="sm">
        <Title order={2} size="h4" id="consortium-rules">
          {t('consortia.rules.title')}
        </Title>
        <Text size="sm" c={pass ? look.pass.text : look.fail.text} fw={500} role="status">
          {pass ? t('consortia.rules.allPass') : t('consortia.rules.missing')}
        </Text>
        <List spacing="xs" listStyleType="none" p={0} m={0}>
          {rules.map((r) => {
            const { color, text, Icon } = look[r.outcome]
            return (
              <List.Item
                key={r.rule}
                icon={
                  <ThemeIcon color={color} size={22} radius="xl" variant="light">
                    <Icon size={14} aria-hidden />
                  </ThemeIcon>
                }
              >
                <Text size="sm" fw={500} span>
                  {t(`applications.eligibilityView.rules.${r.rule}`)}
                  <Text span size="xs" c={text} fw={600}>
                    {' '}
                    ({t(`consortia.rules.outcome.${r.outcome}`)})
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {reason(r.reason)}
                </Text>
              </List.Item>
            )
          })}
        </List>
      </Stack>
    </Paper>
  )
}
