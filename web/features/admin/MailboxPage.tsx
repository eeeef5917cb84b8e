import { Badge, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconMail } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailMessage } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { type Column, DataTable } from '../../design-system/DataTable.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'

const route = getRouteApi('/app/admin/mailbox')

/** The development mailbox: messages kept instead of sent when no SMTP server is configured. */
export function MailboxPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="admin.mailbox.view" title={t('admin.mailbox.title')}>
      <Mailbox />
    </RequireCapability>
  )
}

function Mailbox() {
  const { t } = useTranslation()
  const f = useFormat()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const list = useQuery({
    queryKey: queryKeys.mailbox(search),
    queryFn: () => api.mailbox(search),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  })
  const [to, setTo] = useState(search.to ?? '')
  const [debouncedTo] = useDebouncedValue(to, 300)
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the debounced text only
  useEffect(() => {
    if ((debouncedTo || undefined) !== search.to)
      navigate({ search: (prev) => ({ ...prev, to: debouncedTo || undefined, page: undefined }), replace: true })
  }, [debouncedTo])

  const columns: Column<MailMessage>[] = [
    {
      key: 'subject',
      header: t('admin.mailbox.subject'),
      rowHeader: true,
      render: (m) => (
        <AnchorLink to="/app/admin/mailbox/$messageId" params={{ messageId: m.id }}>
          {m.subject}
        </AnchorLink>
      ),
    },
    { key: 'to', header: t('admin.mailbox.to'), render: (m) => m.to },
    {
      key: 'status',
      nowrap: true,
      header: t('admin.mailbox.status'),
      render: (m) => (
        <Badge variant="light" color={m.status === 'failed' ? 'red' : m.status === 'sent' ? 'green' : 'gray'}>
          {t(`mailStatus.${m.status}`)}
        </Badge>
      ),
    },
    {
      key: 'createdAt',
      nowrap: true,
      header: t('admin.mailbox.date'),
      sortField: 'createdAt',
      render: (m) => f.dateTime(m.createdAt),
    },
  ]

  return (
    <>
      <PageHeader title={t('admin.mailbox.title')} description={t('admin.mailbox.description')} />
      <DataTable
        label={t('admin.mailbox.title')}
        columns={columns}
        data={list.data}
        isLoading={list.isLoading}
        error={list.error}
        query={search}
        defaultSort="-createdAt"
        onQueryChange={(patch) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        searchLabel={t('admin.mailbox.search')}
        filtered={Boolean(search.to)}
        filters={
          <TextInput
            label={t('admin.mailbox.toFilter')}
            type="search"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            w={260}
          />
        }
        rowKey={(m) => m.id}
        minWidth={760}
        empty={
          <EmptyState
            icon={<IconMail size={24} />}
            title={t('admin.mailbox.empty')}
            description={t('admin.mailbox.emptyText')}
          />
        }
      />
    </>
  )
}
