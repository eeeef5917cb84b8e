import { Button, Card, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EligibilityView } from '../../../shared/contracts/applications.ts'
import { useFormat } from '../../design-system/format.ts'
import { OutcomeBadge, useReasonText } from './labels.tsx'

type Result = EligibilityView['results'][number]

/**
 * The result of every rule with its reason and any override: a table on wide screens, a list of
 * cards on a phone (the same content; only one is shown, the other is display: none).
 */
export function Results({
  view,
  timeZone,
  canOverride,
  onOverride,
}: {
  view: EligibilityView
  timeZone: string
  canOverride: boolean
  onOverride: (r: Result) => void
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const reasonText = useReasonText()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="results-title">
      <Title order={2} size="h3" id="results-title">
        {t('screening.review.results')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {view.screenedAt
          ? t('screening.review.screenedOn', {
              date: f.dateTime(view.screenedAt, timeZone, true),
              revision: view.revision ?? 0,
            })
          : t('screening.review.notScreened')}
      </Text>
      {view.results.length > 0 ? (
        <Table.ScrollContainer
          visibleFrom="sm"
          minWidth={640}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: t('screening.review.results') })}
        >
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('screening.review.rule')}</Table.Th>
                <Table.Th>{t('screening.review.result')}</Table.Th>
                <Table.Th>{t('screening.review.reason')}</Table.Th>
                {canOverride ? (
                  <Table.Th>
                    <VisuallyHidden>{t('screening.review.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.results.map((r) => (
                <Table.Tr key={r.rule}>
                  <Table.Th scope="row" fw={500}>
                    {t(`screening.rules.${r.rule}`)}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <OutcomeBadge outcome={r.override?.outcome ?? r.outcome} />
                      {r.override ? (
                        <Text size="xs" c="dimmed">
                          {t('screening.review.automaticWas', { outcome: t(`screening.outcome.${r.outcome}`) })}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{reasonText(r.reason)}</Text>
                    {r.override ? (
                      <Text size="sm" mt={4}>
                        <Text span fw={600}>
                          {t('screening.review.overriddenOn', { date: f.dateTime(r.override.at, timeZone) })}
                        </Text>{' '}
                        {r.override.justification}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canOverride ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onOverride(r)}
                        aria-label={t('screening.review.overrideRule', { rule: t(`screening.rules.${r.rule}`) })}
                      >
                        {t('screening.review.override')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {view.results.length > 0 ? (
        <Stack gap="sm" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {view.results.map((r) => (
            <Paper key={r.rule} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{t(`screening.rules.${r.rule}`)}</Text>
                <OutcomeBadge outcome={r.override?.outcome ?? r.outcome} />
              </Group>
              <Text size="sm" mt={4}>
                {reasonText(r.reason)}
              </Text>
              {r.override ? (
                <Text size="sm" mt={4}>
                  <Text span fw={600}>
                    {t('screening.review.automaticWas', { outcome: t(`screening.outcome.${r.outcome}`) })}.{' '}
                    {t('screening.review.overriddenOn', { date: f.dateTime(r.override.at, timeZone) })}
                  </Text>{' '}
                  {r.override.justification}
                </Text>
              ) : null}
              {canOverride ? (
                <Button
                  size="xs"
                  variant="default"
                  mt="xs"
                  onClick={() => onOverride(r)}
                  aria-label={t('screening.review.overrideRule', { rule: t(`screening.rules.${r.rule}`) })}
                >
                  {t('screening.review.override')}
                </Button>
              ) : null}
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Card>
  )
}
