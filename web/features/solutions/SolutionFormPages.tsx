import { Paper, Skeleton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { SolutionForm, type SolutionFormValues, toPayload } from './SolutionForm.tsx'

const newRoute = getRouteApi('/app/solutions/new')
const editRoute = getRouteApi('/app/solutions/$solutionId/edit')

/** Describing a new solution for one of the person's organisations (saved as a draft). */
export function NewSolutionPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { organisation } = newRoute.useSearch()
  const { data: me } = useMe()
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.shortName ?? m.organisation.legalName,
  }))

  const create = async (v: SolutionFormValues) => {
    const created = await solutionsApi.create({ organisationId: v.organisationId, ...toPayload(v) })
    queryClient.setQueryData(solutionKeys.one(created.id), created)
    await queryClient.invalidateQueries({ queryKey: solutionKeys.all })
    notifications.show({ color: 'green', message: t('solutions.createdNotice', { reference: created.reference }) })
    await navigate({ to: '/app/solutions/$solutionId', params: { solutionId: created.id } })
  }

  return (
    <>
      <PageHeader
        title={t('solutions.new')}
        description={t('solutions.newDescription')}
        above={
          <AnchorLink to="/app/solutions" size="sm">
            ← {t('solutions.title')}
          </AnchorLink>
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {me ? (
          <SolutionForm
            organisations={organisations}
            defaultOrganisation={organisation}
            submitLabel={t('solutions.saveDraft')}
            onSubmit={create}
          />
        ) : (
          <Skeleton height={300} />
        )}
      </Paper>
    </>
  )
}

/**
 * Editing: each save is a new revision, guarded by the revision the author started from. When someone
 * saved in between, the form keeps what the author typed and offers to save it over theirs or to reload.
 */
export function EditSolutionPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { solutionId } = editRoute.useParams()
  const s = useQuery({
    queryKey: solutionKeys.one(solutionId),
    queryFn: () => solutionsApi.get(solutionId),
    refetchOnWindowFocus: false,
  })
  const [formKey, setFormKey] = useState(0)

  const saved = async (revision: number) => {
    await queryClient.invalidateQueries({ queryKey: solutionKeys.all })
    notifications.show({ color: 'green', message: t('solutions.savedNotice', { revision }) })
    await navigate({ to: '/app/solutions/$solutionId', params: { solutionId } })
  }
  const save = async (v: SolutionFormValues) => {
    if (!s.data) return
    const out = await solutionsApi.update(solutionId, { expectedRevision: s.data.revision, ...toPayload(v) })
    queryClient.setQueryData(solutionKeys.one(solutionId), out)
    await saved(out.revision)
  }
  const overwrite = async (v: SolutionFormValues) => {
    const current = await solutionsApi.get(solutionId)
    const out = await solutionsApi.update(solutionId, { expectedRevision: current.revision, ...toPayload(v) })
    queryClient.setQueryData(solutionKeys.one(solutionId), out)
    await saved(out.revision)
  }
  const reload = async () => {
    await s.refetch()
    setFormKey((k) => k + 1)
  }

  return (
    <>
      <PageHeader
        title={t('solutions.edit')}
        documentTitle={s.data ? `${t('solutions.edit')} · ${s.data.reference}` : t('solutions.edit')}
        description={
          s.data ? `${s.data.reference} · ${t('solutions.revisionN', { revision: s.data.revision })}` : undefined
        }
        above={
          <AnchorLink to="/app/solutions/$solutionId" params={{ solutionId }} size="sm">
            ← {s.data?.name ?? t('solutions.title')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={s.error} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {s.data ? (
          <SolutionForm
            key={`${formKey}-${s.data.revision}`}
            initial={s.data}
            submitLabel={t('common.save')}
            onSubmit={save}
            onOverwrite={overwrite}
            onReload={reload}
            onCancel={() => navigate({ to: '/app/solutions/$solutionId', params: { solutionId } })}
          />
        ) : (
          <Skeleton height={300} />
        )}
      </Paper>
    </>
  )
}
