import { Badge, Card, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssignmentOverview } from '../../../shared/contracts/evaluation-assignments.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { Pager } from '../../design-system/Pager.tsx'

const EXPERTS_PAGE = 15

export function LoadsCard({ overview }: { overview: AssignmentOverview }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const rows = overview.experts.filter((e) => !q || e.name.toLowerCase().includes(q.toLowerCase()))
  const pages = Math.max(1, Math.ceil(rows.length / EXPERTS_PAGE))
  const shown = rows.slice((Math.min(page, pages) - 1) * EXPERTS_PAGE, Math.min(page, pages) * EXPERTS_PAGE)
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="assign-loads">
      <Stack gap="sm">
        <Title order={2} size="h3" id="assign-loads">
          {t('assign.loads.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assign.loads.rules', {
            k: overview.k,
            rules:
              [
                overview.rules.practitionerRequired ? t('assign.rules.practitionerRequired') : null,
                overview.rules.onePerCountry ? t('assign.rules.onePerCountry') : null,
                overview.rules.excludeApplicantCountries ? t('assign.rules.excludeApplicantCountries') : null,
              ]
                .filter(Boolean)
                .join(' · ') || t('assign.rules.none'),
          })}
        </Text>
        {overview.experts.length === 0 ? (
          <EmptyState title={t('assign.loads.empty')} description={t('assign.loads.emptyHelp')} />
        ) : (
          <>
            <TextInput
              label={t('assign.loads.search')}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value)
                setPage(1)
              }}
              maw={360}
            />
            <Table.ScrollContainer
              minWidth={520}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('table.region', { name: t('assign.loads.title') })}
            >
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assign.pairs.expert')}</Table.Th>
                    <Table.Th>{t('assign.pairs.kind')}</Table.Th>
                    <Table.Th>{t('assign.pairs.countries')}</Table.Th>
                    <Table.Th>{t('assign.loads.load')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((e) => (
                    <Table.Tr key={e.userId}>
                      <Table.Th scope="row" fw={500}>
                        {e.name}
                        {e.available ? null : (
                          <Badge ml="xs" size="sm" color="gray" variant="light">
                            {t('assign.loads.unavailable')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>{t(`experts.kind.${e.kind}`)}</Table.Td>
                      <Table.Td>{f.list(e.countries.map((c) => f.country(c)))}</Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={e.load > e.maxLoad ? 'red.8' : undefined}
                          fw={e.load > e.maxLoad ? 700 : 400}
                        >
                          {t('assign.loads.of', { load: e.load, max: e.maxLoad })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length === 0 ? <Text size="sm">{t('assign.loads.noMatch')}</Text> : null}
            {pages > 1 ? <Pager total={pages} value={Math.min(page, pages)} onChange={setPage} /> : null}
          </>
        )}
      </Stack>
    </Card>
  )
}

// ——— Pairs ———
