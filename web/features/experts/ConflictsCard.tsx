import { Card, Group, List, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { expertKeys, expertsApi } from './api.ts'

/** The call's conflicts of interest: each expert × application pair in conflict with its reasons; rule switches. */
export function ConflictsCard({ callId }: { callId: string }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const list = useQuery({ queryKey: expertKeys.conflicts(callId), queryFn: () => expertsApi.conflicts(callId) })
  const settings = useMutation({
    mutationFn: (s: { clusterRule: boolean; sameCountryRule: boolean }) => expertsApi.settings(callId, s),
    onSuccess: () => qc.invalidateQueries({ queryKey: expertKeys.conflicts(callId) }),
  })
  const s = list.data?.settings
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="pool-conflicts">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pool-conflicts">
          {t('experts.conflicts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('experts.conflicts.description')}
        </Text>
        {s ? (
          <Group wrap="wrap">
            <Switch
              label={t('experts.conflicts.clusterRule')}
              checked={s.clusterRule}
              onChange={(e) => settings.mutate({ ...s, clusterRule: e.currentTarget.checked })}
            />
            <Switch
              label={t('experts.conflicts.sameCountryRule')}
              checked={s.sameCountryRule}
              onChange={(e) => settings.mutate({ ...s, sameCountryRule: e.currentTarget.checked })}
            />
          </Group>
        ) : null}
        <ErrorAlert error={list.error ?? settings.error} />
        {list.isLoading ? <Skeleton height={120} /> : null}
        {list.data ? (
          <Text size="sm" role="status">
            {t('experts.conflicts.count', {
              count: list.data.pairs.length,
              experts: list.data.experts,
              applications: list.data.applications,
            })}
          </Text>
        ) : null}
        {list.data?.pairs.length ? (
          <Table.ScrollContainer
            minWidth={640}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('table.region', { name: t('experts.conflicts.title') })}
          >
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('experts.pool.expert')}</Table.Th>
                  <Table.Th>{t('experts.conflicts.application')}</Table.Th>
                  <Table.Th>{t('experts.conflicts.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.pairs.map((p) => (
                  <Table.Tr key={`${p.userId}-${p.applicationId}`}>
                    <Table.Td>{p.expertName}</Table.Td>
                    <Table.Td>{p.applicationReference}</Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {p.reasons.map((r) => (
                          <List.Item key={`${r.rule}-${r.partnerId}-${r.via}-${r.reference}`}>
                            <Text span fw={600} size="sm">
                              {t(`experts.rules.${r.rule}`)}
                            </Text>
                            {r.partnerName ? ` — ${r.partnerName}` : ''}: {r.via}
                            {r.reference ? ` (${r.reference})` : ''}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  )
}
