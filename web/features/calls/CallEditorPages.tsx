import { Anchor, Group, Skeleton, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { Deadline } from '../../design-system/Deadline.tsx'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { callKeys, callsApi } from './api.ts'
import { CallEditor } from './editor/CallEditor.tsx'
import type { EditorTab } from './editor/tabs.ts'
import { PhaseBadge } from './labels.tsx'

const newRoute = getRouteApi('/app/calls/new')
const editRoute = getRouteApi('/app/calls/$callId/edit')

function BackLink() {
  const { t } = useTranslation()
  return (
    <AnchorLink to="/app/calls" size="sm">
      ← {t('calls.list.title')}
    </AnchorLink>
  )
}

/** A new call, from the default configuration (shared/calls/presets.ts); saved as a draft. */
export function NewCallPage() {
  const { t } = useTranslation()
  const { tab } = newRoute.useSearch()
  const navigate = newRoute.useNavigate()
  return (
    <RequireCapability capability="call.manage" title={t('calls.editor.newTitle')}>
      <CallEditor
        tab={tab ?? 'general'}
        onTab={(next) => navigate({ search: { tab: next }, replace: true })}
        header={(actions: ReactNode) => (
          <PageHeader
            title={t('calls.editor.newTitle')}
            description={t('calls.editor.newDescription')}
            above={<BackLink />}
            actions={actions}
          />
        )}
      />
    </RequireCapability>
  )
}

/** Editing a call: its configuration, documents, Q&A and versions; publish, unpublish, cancel. */
export function EditCallPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="call.manage" title={t('calls.editor.editTitle')}>
      <EditCall />
    </RequireCapability>
  )
}

function EditCall() {
  const { t, i18n } = useTranslation()
  const { callId } = editRoute.useParams()
  const { tab } = editRoute.useSearch()
  const navigate = editRoute.useNavigate()
  const call = useQuery({
    queryKey: callKeys.one(callId),
    queryFn: () => callsApi.get(callId),
    refetchOnWindowFocus: false,
  })
  if (!call.data)
    return (
      <>
        <PageHeader title={t('calls.editor.editTitle')} above={<BackLink />} />
        <ErrorAlert error={call.error} />
        {call.isLoading ? <Skeleton height={400} /> : null}
      </>
    )
  const c = call.data
  const title = localized(c.title, i18n.language)
  return (
    <CallEditor
      key={c.id}
      call={c}
      live={c}
      tab={tab ?? 'general'}
      onTab={(next: EditorTab) => navigate({ search: { tab: next }, replace: true })}
      header={(actions) => (
        <PageHeader
          title={t('calls.editor.editHeading', { code: c.code })}
          documentTitle={`${c.code} · ${title}`}
          above={<BackLink />}
          description={
            <Group gap="sm" align="flex-start" wrap="wrap">
              <PhaseBadge phase={c.phase} />
              <Text size="sm">{title}</Text>
              {c.phase !== 'draft' && c.phase !== 'cancelled' ? (
                <Anchor href={`/calls/${encodeURIComponent(c.code)}`} size="sm">
                  {t('calls.editor.publicPage')}
                </Anchor>
              ) : null}
              {c.phase === 'open' || c.phase === 'closed' ? (
                <AnchorLink to="/app/calls/$callId/applications" params={{ callId: c.id }} size="sm">
                  {t('screening.link')}
                </AnchorLink>
              ) : null}
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed">
                  {t('calls.editor.deadline')}
                </Text>
                <Deadline value={c.schedule.deadline} timeZone={c.schedule.timeZone} />
              </Group>
            </Group>
          }
          actions={actions}
        />
      )}
    />
  )
}
