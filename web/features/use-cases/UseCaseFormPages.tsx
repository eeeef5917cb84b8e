import { Alert, Paper, Skeleton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/session.ts'
import { useReasonText } from '../../design-system/Ability.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { useWorkshop } from '../workshops/shared.tsx'
import { demandApi, demandKeys } from './client.ts'
import { toPayload, UseCaseForm, type UseCaseFormValues } from './UseCaseForm.tsx'

const editRoute = getRouteApi('/app/use-cases/$useCaseId/edit')
const captureRoute = getRouteApi('/app/workshops/$workshopId/capture')

/** Saving a new draft (captured at `workshop` when given), then opening it. */
function useCreateDraft(workshop?: { id: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: me } = useMe()
  const organisations = (me?.memberships ?? []).map((m) => ({
    value: m.organisation.id,
    label: m.organisation.shortName ?? m.organisation.legalName,
  }))
  const create = async (v: UseCaseFormValues) => {
    const created = await demandApi.createUseCase({
      organisationId: v.organisationId,
      ...toPayload(v),
      workshopId: workshop?.id ?? null,
    })
    queryClient.setQueryData(demandKeys.oneUseCase(created.id), created)
    await queryClient.invalidateQueries({ queryKey: demandKeys.listOfUseCases() })
    notifications.show({ color: 'green', message: t('useCases.createdNotice', { reference: created.reference }) })
    await navigate({ to: '/app/use-cases/$useCaseId', params: { useCaseId: created.id } })
  }
  return { me, organisations, create }
}

/** Drafting a new use case for one of the person's organisations. */
export function NewUseCasePage() {
  const { t } = useTranslation()
  const { me, organisations, create } = useCreateDraft()

  return (
    <>
      <PageHeader
        title={t('useCases.new')}
        description={t('useCases.newDescription')}
        above={
          <AnchorLink to="/app/use-cases" size="sm">
            ← {t('useCases.title')}
          </AnchorLink>
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {me ? (
          <UseCaseForm organisations={organisations} submitLabel={t('useCases.saveDraft')} onSubmit={create} />
        ) : (
          <Skeleton height={300} />
        )}
      </Paper>
    </>
  )
}

/**
 * Capturing a use case at a workshop (during or after it): the same template, pre-linked to the
 * workshop, for its organisers and approved participants (the server checks the same).
 */
export function CaptureUseCasePage() {
  const { t } = useTranslation()
  const reason = useReasonText()
  const { workshopId } = captureRoute.useParams()
  const workshop = useWorkshop(workshopId)
  const w = workshop.data
  const { me, organisations, create } = useCreateDraft(w)
  const ability = w?.abilities.captureUseCase
  return (
    <>
      <PageHeader
        title={t('workshops.capture.title')}
        description={w ? t('workshops.capture.description', { title: w.title }) : undefined}
        above={
          <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId }} size="sm">
            ← {w?.title ?? t('workshops.backToWorkshop')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={workshop.error} />
      {w && ability && !ability.allowed ? (
        <Alert color="gray" role="status" mb="md">
          {reason(ability)}
        </Alert>
      ) : null}
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {me && w ? (
          <UseCaseForm
            organisations={organisations}
            workshop={{ id: w.id, title: w.title }}
            submitLabel={t('useCases.saveDraft')}
            onSubmit={create}
          />
        ) : (
          <Skeleton height={300} />
        )}
      </Paper>
    </>
  )
}

/** Editing a use case: each save is a new revision, guarded by the revision the author started from. */
export function EditUseCasePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { useCaseId } = editRoute.useParams()
  const uc = useQuery({
    queryKey: demandKeys.oneUseCase(useCaseId),
    queryFn: () => demandApi.getUseCase(useCaseId),
    refetchOnWindowFocus: false,
  })
  const [formKey, setFormKey] = useState(0)

  const save = async (v: UseCaseFormValues) => {
    if (!uc.data) return
    const saved = await demandApi.updateUseCase(useCaseId, { expectedRevision: uc.data.revision, ...toPayload(v) })
    queryClient.setQueryData(demandKeys.oneUseCase(useCaseId), saved)
    await queryClient.invalidateQueries({ queryKey: demandKeys.listOfUseCases() })
    notifications.show({ color: 'green', message: t('useCases.savedNotice', { revision: saved.revision }) })
    await navigate({ to: '/app/use-cases/$useCaseId', params: { useCaseId } })
  }
  const reload = async () => {
    await uc.refetch()
    setFormKey((k) => k + 1)
  }
  const back = (
    <AnchorLink to="/app/use-cases/$useCaseId" params={{ useCaseId }} size="sm">
      ← {uc.data?.title ?? t('useCases.title')}
    </AnchorLink>
  )

  return (
    <>
      <PageHeader
        title={t('useCases.edit')}
        documentTitle={uc.data ? `${t('useCases.edit')} · ${uc.data.reference}` : t('useCases.edit')}
        description={
          uc.data ? `${uc.data.reference} · ${t('useCases.revisionN', { revision: uc.data.revision })}` : undefined
        }
        above={back}
      />
      <ErrorAlert error={uc.error} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        {uc.data ? (
          <UseCaseForm
            key={`${formKey}-${uc.data.revision}`}
            initial={uc.data}
            submitLabel={t('common.save')}
            onSubmit={save}
            onReload={reload}
            onCancel={() => navigate({ to: '/app/use-cases/$useCaseId', params: { useCaseId } })}
          />
        ) : (
          <Skeleton height={300} />
        )}
      </Paper>
    </>
  )
}
