import { Card, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../../shared/contracts/admin.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { screeningApi, screeningKeys } from './api.ts'

/** What happened to the application, from the activity log (operators): submissions, overrides, decisions. */
export function HistoryCard({ applicationId, timeZone }: { applicationId: string; timeZone: string }) {
  const { t } = useTranslation()
  const f = useFormat()
  const history = useQuery({
    queryKey: screeningKeys.history(applicationId),
    queryFn: () => screeningApi.history(applicationId),
  })
  const detail = useDetail()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title" mb="sm">
        {t('screening.history.title')}
      </Title>
      <ErrorAlert error={history.error} />
      {history.isLoading ? <Skeleton height={80} /> : null}
      {history.data && history.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('screening.history.empty')}
        </Text>
      ) : null}
      {history.data && history.data.items.length > 0 ? (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.data.items.map((e) => (
            <Timeline.Item key={e.seq} title={<ActionTitle action={e.action} />}>
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('screening.history.byOn', {
                    name: e.actorType === 'system' ? t('screening.history.system') : e.actorLabel,
                    date: f.dateTime(e.occurredAt, timeZone, true),
                  })}
                </Text>
                {detail(e) ? <Text size="sm">{detail(e)}</Text> : null}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      ) : null}
    </Card>
  )
}

function ActionTitle({ action }: { action: string }) {
  const { t, i18n } = useTranslation()
  const key = `screening.history.actions.${action.replace('.', '_')}`
  return (
    <Text size="sm" fw={600}>
      {i18n.exists(key) ? t(key) : action}
    </Text>
  )
}

type Change = {
  rule?: string
  after?: { outcome?: string; decision?: string; reason?: string | null }
  justification?: string
  revision?: number
}

/** One line about what an event changed, for the events of the review. */
function useDetail() {
  const { t } = useTranslation()
  return (e: AuditEvent): string | null => {
    const c = (e.change ?? {}) as Change
    if (e.action === 'application.eligibility_overridden' && c.rule && c.after?.outcome)
      return t('screening.history.override', {
        rule: t(`screening.rules.${c.rule}`),
        outcome: t(`screening.outcome.${c.after.outcome}`),
        justification: c.justification ?? '',
      })
    if (e.action === 'application.admissibility_decided' && c.after?.decision)
      return c.after.reason
        ? `${t(`screening.admissibility.${c.after.decision}`)}: ${c.after.reason}`
        : t(`screening.admissibility.${c.after.decision}`)
    return null
  }
}
