import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { type RedressItem, redressHandleInput } from '../../../shared/contracts/evaluation-decisions.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { Pager } from '../../design-system/Pager.tsx'
import { EvaluationTabs } from '../evaluation/EvaluationTabs.tsx'
import { decisionKeys, decisionsApi, type RedressListQuery } from './api.ts'
import { OutcomeBadge, RedressBadge } from './labels.tsx'

const route = getRouteApi('/app/evaluation/$callId/redress')
const PAGE_SIZE = 20
const statuses = ['all', 'open', 'overdue', 'handled'] as const

/** Operators: the call's redress requests with their due dates; read the grounds and record the outcome. */
export function RedressPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { callId } = route.useParams()
  const [status, setStatus] = useState<RedressListQuery['status']>('all')
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState<RedressItem | null>(null)
  const query: RedressListQuery = { status, q: search, page, pageSize: PAGE_SIZE }
  const list = useQuery({
    queryKey: decisionKeys.redressList(callId, query),
    queryFn: () => decisionsApi.redressList(callId, query),
    placeholderData: keepPreviousData,
  })
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <>
      <PageHeader title={t('decisions.redress.title')} description={t('decisions.redress.description')} />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="redress" />
        <Card withBorder radius="md" padding="lg" aria-labelledby="redress-list">
          <Stack gap="sm">
            <Title order={2} size="h3" id="redress-list">
              {t('decisions.redress.requests')}
            </Title>
            <Group
              align="flex-end"
              wrap="wrap"
              component="form"
              role="search"
              onSubmit={(e) => {
                e.preventDefault()
                setSearch(q.trim())
                setPage(1)
              }}
            >
              <TextInput
                label={t('decisions.redress.search')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                label={t('decisions.redress.status')}
                data={statuses.map((s) => ({ value: s, label: t(`decisions.redress.filters.${s}`) }))}
                value={status}
                onChange={(v) => {
                  setStatus((v as RedressListQuery['status']) ?? 'all')
                  setPage(1)
                }}
                allowDeselect={false}
                w={200}
              />
              <Button type="submit">{t('decisions.redress.searchButton')}</Button>
            </Group>
            <ErrorAlert error={list.error} />
            {list.isLoading ? <Skeleton height={160} /> : null}
            {data ? (
              <Text size="sm" c="dimmed" role="status">
                {t('decisions.redress.count', { count: data.total })}
              </Text>
            ) : null}
            {data && data.items.length === 0 ? (
              <EmptyState title={t('decisions.redress.none')} description={t('decisions.redress.noneHelp')} />
            ) : null}
            {data && data.items.length > 0 ? (
              <Table.ScrollContainer
                minWidth={820}
                type="native"
                tabIndex={0}
                role="region"
                aria-label={t('table.region', { name: t('decisions.redress.requests') })}
              >
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('decisions.board.application')}</Table.Th>
                      <Table.Th>{t('decisions.redress.decision')}</Table.Th>
                      <Table.Th>{t('decisions.redress.filedAt')}</Table.Th>
                      <Table.Th>{t('decisions.redress.dueAt')}</Table.Th>
                      <Table.Th>{t('decisions.redress.status')}</Table.Th>
                      <Table.Th>{t('decisions.redress.action')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {r.reference} · {r.acronym}
                          </Text>
                          {r.filedBy ? (
                            <Text size="xs" c="dimmed">
                              {t('decisions.redress.filedBy', { name: r.filedBy })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{r.decision ? <OutcomeBadge outcome={r.decision} /> : '—'}</Table.Td>
                        <Table.Td>{f.date(r.filedAt, data.timeZone)}</Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">{f.date(r.dueAt, data.timeZone)}</Text>
                            {r.overdue ? (
                              <Badge color="red" variant="light" size="sm">
                                {t('decisions.redress.overdue')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <RedressBadge status={r.status} />
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant={r.status === 'open' ? 'filled' : 'default'}
                            onClick={() => setOpen(r)}
                            aria-label={`${r.status === 'open' ? t('decisions.redress.handle') : t('decisions.redress.read')} ${r.reference}`}
                          >
                            {r.status === 'open' ? t('decisions.redress.handle') : t('decisions.redress.read')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {pages > 1 ? <Pager total={pages} value={page} onChange={setPage} /> : null}
          </Stack>
        </Card>
      </Stack>
      {open && data ? (
        <RedressDialog callId={callId} item={open} timeZone={data.timeZone} onClose={() => setOpen(null)} />
      ) : null}
    </>
  )
}

const handleForm = z.object({
  status: redressHandleInput.shape.status,
  outcome: redressHandleInput.shape.outcome,
})

function RedressDialog(props: { callId: string; item: RedressItem; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const serverErrors = useServerErrors()
  const r = props.item
  const form = useForm<{ status: string; outcome: string }>({
    initialValues: { status: '', outcome: '' },
    validate: useZodValidate(handleForm),
  })
  const handle = useMutation({
    mutationFn: (v: z.infer<typeof handleForm>) => decisionsApi.handle(props.callId, r.id, v),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('decisions.redress.handled', { reference: r.reference }) })
      await qc.invalidateQueries({ queryKey: decisionKeys.redress(props.callId) })
      props.onClose()
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Modal opened onClose={props.onClose} title={`${r.reference} · ${r.acronym}`} size="lg" centered>
      <Stack gap="sm">
        <Group gap="xs">
          <RedressBadge status={r.status} />
          <Text size="sm" c="dimmed">
            {t('decisions.redress.filedOn', {
              filed: f.dateTime(r.filedAt, props.timeZone),
              due: f.date(r.dueAt, props.timeZone),
            })}
          </Text>
        </Group>
        <Title order={3} size="h5">
          {t('decisions.redress.grounds')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{r.grounds}</Text>
        {r.status !== 'open' ? (
          <>
            <Title order={3} size="h5">
              {t('decisions.redress.outcome')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.outcome}</Text>
            {r.handledAt ? (
              <Text size="sm" c="dimmed">
                {t('decisions.redress.handledOn', {
                  date: f.dateTime(r.handledAt, props.timeZone),
                  name: r.handledBy ?? '—',
                })}
              </Text>
            ) : null}
          </>
        ) : (
          <form onSubmit={form.onSubmit((v) => handle.mutate(v as z.infer<typeof handleForm>))} noValidate>
            <Stack gap="sm">
              <Select
                label={t('decisions.redress.status')}
                required
                data={(['upheld', 'partially_upheld', 'dismissed'] as const).map((s) => ({
                  value: s,
                  label: t(`decisions.redress.statuses.${s}`),
                }))}
                {...form.getInputProps('status')}
              />
              <Textarea
                label={t('decisions.redress.outcome')}
                description={t('decisions.redress.outcomeHelp')}
                required
                autosize
                minRows={4}
                maxLength={5000}
                {...form.getInputProps('outcome')}
              />
              <ErrorAlert error={handle.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={props.onClose}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={handle.isPending}>
                  {t('decisions.redress.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  )
}
