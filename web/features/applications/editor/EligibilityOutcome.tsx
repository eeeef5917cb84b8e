import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EligibilityView } from '../../../../shared/contracts/applications.ts'
import { useFormat } from '../../../design-system/format.ts'
import { useReasonText } from './issues.ts'

const outcomeColor = { pass: 'green', fail: 'red', warning: 'yellow' } as const
const admissibilityColor = { pending: 'gray', admissible: 'green', inadmissible: 'red' } as const

/** The screening at the deadline as the applicants see it: every rule, its outcome and why. */
export function EligibilityOutcome({ eligibility }: { eligibility: EligibilityView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const reason = useReasonText()
  if (!eligibility.screenedAt) return null
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="eligibility-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="eligibility-title">
            {t('applications.eligibilityView.title')}
          </Title>
          <Badge color={admissibilityColor[eligibility.admissibility]} variant="light" size="lg">
            {t(`applications.eligibilityView.admissibility.${eligibility.admissibility}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('applications.eligibilityView.screened', {
            time: f.dateTime(eligibility.screenedAt),
            revision: eligibility.revision ?? '—',
          })}
        </Text>
        {eligibility.admissibilityReason ? (
          <Text size="sm">{t('applications.eligibilityView.reason', { reason: eligibility.admissibilityReason })}</Text>
        ) : null}
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {eligibility.results.map((r) => {
            const final = r.override?.outcome ?? r.outcome
            return (
              <Stack
                key={r.rule}
                gap={2}
                component="li"
                pb={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {t(`applications.eligibilityView.rules.${r.rule}`)}
                  </Text>
                  <Badge color={outcomeColor[final]} variant="light" style={{ flexShrink: 0 }}>
                    {t(`applications.eligibilityView.outcomes.${final}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {reason(r.reason)}
                </Text>
                {r.override ? (
                  <Text size="sm">
                    {t('applications.eligibilityView.overridden', {
                      outcome: t(`applications.eligibilityView.outcomes.${r.override.outcome}`),
                      justification: r.override.justification,
                    })}
                  </Text>
                ) : null}
              </Stack>
            )
          })}
        </Stack>
      </Stack>
    </Paper>
  )
}
