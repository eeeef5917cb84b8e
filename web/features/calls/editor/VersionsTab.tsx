import { Badge, Button, Card, Group, Stack, Text, Timeline } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { localized, useFormat } from '../../../design-system/format.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { callKeys, callsApi } from '../api.ts'

/** The versions of a call since it opened, each with its published change log. */
export function VersionsTab({ call }: { call: Call }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const [shown, setShown] = useState<number | null>(null)
  const versions = [...call.versions].sort((a, b) => b.version - a.version)
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {call.frozenAt
          ? t('calls.versions.frozen', { time: f.dateTime(call.frozenAt, call.schedule.timeZone, true) })
          : t('calls.versions.notFrozen')}
      </Text>
      {versions.length === 0 ? (
        <Text c="dimmed">{t('calls.versions.empty')}</Text>
      ) : (
        <Timeline bulletSize={20} lineWidth={2} active={0}>
          {versions.map((v) => (
            <Timeline.Item
              key={v.version}
              title={
                <Group gap="xs">
                  <Text fw={600}>{t('calls.versions.version', { version: v.version })}</Text>
                  {v.version === versions[0]?.version ? (
                    <Badge variant="light">{t('calls.versions.current')}</Badge>
                  ) : null}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {f.dateTime(v.createdAt, call.schedule.timeZone, true)}
              </Text>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {v.changeLog ? localized(v.changeLog, i18n.language) : t('calls.versions.initial')}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                mt={4}
                aria-expanded={shown === v.version}
                onClick={() => setShown(shown === v.version ? null : v.version)}
              >
                {t('calls.versions.details', { version: v.version })}
              </Button>
              {shown === v.version ? <VersionDetails call={call} version={v.version} /> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  )
}

function VersionDetails({ call, version }: { call: Call; version: number }) {
  const { t } = useTranslation()
  const f = useFormat()
  const q = useQuery({
    queryKey: callKeys.version(call.id, version),
    queryFn: () => callsApi.version(call.id, version),
  })
  if (q.error) return <ErrorAlert error={q.error} />
  if (!q.data) return <Text size="sm">{t('common.loading')}</Text>
  const v = q.data
  const questions = v.config.form.sections.reduce((n, s) => n + s.questions.length, 0)
  const euros = (cents: number) =>
    f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
  return (
    <Card withBorder padding="sm" mt="xs">
      <Stack gap={2}>
        <Text size="sm">
          {t('calls.versions.deadline', { time: f.dateTime(v.schedule.deadline, v.schedule.timeZone, true) })}
        </Text>
        <Text size="sm">
          {t('calls.versions.budget', {
            total: euros(v.config.budget.totalCents),
            max: euros(v.config.budget.maxPerProjectCents),
          })}
        </Text>
        <Text size="sm">{t('calls.versions.form', { sections: v.config.form.sections.length, questions })}</Text>
      </Stack>
    </Card>
  )
}
