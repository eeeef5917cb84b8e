import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { partnerName } from '../../../../shared/calls/readiness.ts'
import type { ApplicationPartner, ReadinessIssue } from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm } from '../../../../shared/contracts/call-form.ts'
import { localized } from '../../../design-system/format.ts'
import { groupIssues, issueGroups, useIssueText } from './issues.ts'

interface ReadinessPanelProps {
  issues: readonly ReadinessIssue[]
  form: ApplicationForm
  partners: readonly ApplicationPartner[]
  /** Takes the person to the field of an issue and focuses it. */
  onGo: (issue: ReadinessIssue) => void
}

/**
 * Everything missing or breaking a rule, recomputed on every keystroke with the same engine the server
 * runs at submission, grouped (form, consortium, budget, partners) with counts; each issue links to
 * the field that fixes it.
 */
export function ReadinessPanel({ issues, form, partners, onGo }: ReadinessPanelProps) {
  const { t, i18n } = useTranslation()
  const text = useIssueText()
  const errors = issues.filter((i) => i.severity === 'error').length
  const warnings = issues.length - errors
  const groups = groupIssues(issues)
  const questionLabel = (id: string | null) => {
    if (!id) return null
    for (const s of form.sections) {
      const q = s.questions.find((x) => x.id === id)
      if (q) return localized(q.label, i18n.language)
    }
    return null
  }
  const partnerLabel = (id: string | null) => {
    const p = id ? partners.find((x) => x.id === id) : undefined
    return p ? partnerName(p) : null
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="readiness-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color={errors > 0 ? 'red' : 'green'} variant="light" radius="xl" aria-hidden>
            {errors > 0 ? <IconCircleX size={18} /> : <IconCircleCheck size={18} />}
          </ThemeIcon>
          <Title order={2} size="h4" id="readiness-title">
            {t('applications.readiness.title')}
          </Title>
        </Group>
        <Text size="sm" role="status" aria-live="polite" data-testid="readiness-summary">
          {errors > 0
            ? `${t('applications.readiness.notReady', { count: errors })}${
                warnings > 0 ? ` ${t('applications.readiness.alsoWarnings', { count: warnings })}` : ''
              }`
            : warnings > 0
              ? t('applications.readiness.readyWithWarnings', { count: warnings })
              : t('applications.readiness.ready')}
        </Text>
        {issueGroups.map((g) => {
          const list = groups[g]
          if (list.length === 0) return null
          const groupErrors = list.filter((i) => i.severity === 'error').length
          return (
            <Stack key={g} gap={6} component="section" aria-labelledby={`readiness-${g}`}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text fw={700} size="sm" id={`readiness-${g}`} component="h3" m={0}>
                  {t(`applications.readiness.groups.${g}`)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {groupErrors > 0 ? (
                    <Badge color="red" variant="light" size="sm">
                      {t('applications.readiness.errors', { count: groupErrors })}
                    </Badge>
                  ) : null}
                  {list.length - groupErrors > 0 ? (
                    <Badge color="yellow" variant="light" size="sm">
                      {t('applications.readiness.warnings', { count: list.length - groupErrors })}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {list.map((issue, index) => {
                  const where = [partnerLabel(issue.partnerId), questionLabel(issue.questionId)]
                    .filter(Boolean)
                    .join(' · ')
                  return (
                    <Group
                      // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is recomputed
                      key={`${issue.code}-${issue.questionId}-${issue.partnerId}-${index}`}
                      component="li"
                      gap={8}
                      wrap="nowrap"
                      align="flex-start"
                      data-severity={issue.severity}
                    >
                      {issue.severity === 'error' ? (
                        <IconCircleX
                          size={16}
                          color="var(--mantine-color-red-7)"
                          aria-hidden
                          style={{ flexShrink: 0, marginTop: 3 }}
                        />
                      ) : (
                        <IconAlertTriangle
                          size={16}
                          color="var(--mantine-color-yellow-8)"
                          aria-hidden
                          style={{ flexShrink: 0, marginTop: 3 }}
                        />
                      )}
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onGo(issue)}>
                          <Text component="span" size="sm" c="inherit">
                            {issue.severity === 'warning' ? `${t('applications.readiness.warning')}: ` : ''}
                            {text(issue)}
                          </Text>
                        </Anchor>
                        {where ? (
                          <Text size="xs" c="dimmed">
                            {where}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  )
                })}
              </Stack>
            </Stack>
          )
        })}
      </Stack>
    </Paper>
  )
}
