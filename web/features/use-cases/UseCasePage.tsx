import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Textarea, Timeline, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseCase } from '../../../shared/contracts/use-cases.ts'
import { isApiError } from '../../app/api.ts'
import { can, useMe } from '../../app/session.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { demandApi, demandKeys } from './client.ts'
import { ConfidentialityBadge, trlRange, UseCaseStatusBadge } from './labels.tsx'
import { Comments, ContentView, Field, PromotePanel, Revisions } from './UseCaseSections.tsx'
import { useProgrammeRefs } from './useDomains.ts'

const route = getRouteApi('/app/use-cases/$useCaseId')
type Action = 'submit' | 'resubmit' | 'request_changes' | 'accept' | 'archive'
const actions: { key: string; action: Action; variant?: string }[] = [
  { key: 'submit', action: 'submit' },
  { key: 'resubmit', action: 'resubmit' },
  { key: 'accept', action: 'accept' },
  { key: 'requestChanges', action: 'request_changes', variant: 'default' },
  { key: 'archive', action: 'archive', variant: 'default' },
]

/** One use case: its content, status history, lifecycle actions, comment thread and revisions. */
export function UseCasePage() {
  const { t } = useTranslation()
  const { useCaseId } = route.useParams()
  const { revision } = route.useSearch()
  const uc = useQuery({ queryKey: demandKeys.oneUseCase(useCaseId), queryFn: () => demandApi.getUseCase(useCaseId) })
  const back = (
    <AnchorLink to="/app/use-cases" size="sm">
      ← {t('useCases.title')}
    </AnchorLink>
  )
  if (uc.isLoading)
    return (
      <>
        <PageHeader title={t('common.loading')} above={back} />
        <Skeleton height={300} />
      </>
    )
  if (!uc.data)
    return (
      <>
        <PageHeader title={t('useCases.notAvailable')} above={back} />
        <ErrorAlert error={uc.error} />
      </>
    )
  return <UseCaseView uc={uc.data} back={back} revision={revision} />
}

function UseCaseView({ uc, back, revision }: { uc: UseCase; back: ReactNode; revision: number | undefined }) {
  const { t } = useTranslation()
  const f = useFormat()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const { domainName } = useProgrammeRefs()
  const [pending, setPending] = useState<Action | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const transition = useMutation({
    mutationFn: (v: { action: Action; reason?: string }) => demandApi.transition(uc.id, v),
    onSuccess: async (updated, v) => {
      queryClient.setQueryData(demandKeys.oneUseCase(uc.id), updated)
      await queryClient.invalidateQueries({ queryKey: demandKeys.listOfUseCases() })
      notifications.show({ color: 'green', message: t(`useCases.done.${v.action}`) })
      setPending(null)
      setReason('')
    },
  })
  const confirm = () => {
    if (!pending) return
    if (pending === 'request_changes' && reason.trim() === '') {
      setReasonError(t('validation.required'))
      return
    }
    transition.mutate({ action: pending, reason: reason.trim() || undefined })
  }
  const isOperator = can(me, 'challenge.manage')

  return (
    <>
      <PageHeader
        title={uc.title}
        documentTitle={`${uc.reference} · ${uc.title}`}
        above={back}
        description={
          <Group gap="xs">
            <UseCaseStatusBadge status={uc.status} />
            <ConfidentialityBadge value={uc.confidentiality} />
            <Text size="sm" c="dimmed" component="span">
              {uc.reference} · {uc.organisation.name} · {t('useCases.revisionN', { revision: uc.revision })}
            </Text>
            {uc.capturedAt ? (
              <Text size="sm" component="span">
                {t('useCases.capturedAt')}:{' '}
                <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId: uc.capturedAt.id }} size="sm">
                  {uc.capturedAt.title}
                </AnchorLink>
              </Text>
            ) : null}
          </Group>
        }
        actions={
          <>
            {uc.abilities.update?.allowed ? (
              <ButtonLink
                to="/app/use-cases/$useCaseId/edit"
                params={{ useCaseId: uc.id }}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            {actions.map((a) =>
              uc.abilities[a.key]?.allowed ? (
                <AbilityButton
                  key={a.key}
                  ability={uc.abilities[a.key]}
                  variant={a.variant}
                  onClick={() => {
                    transition.reset()
                    setReasonError(null)
                    setPending(a.action)
                  }}
                >
                  {t(`useCases.actions.${a.action}`)}
                </AbilityButton>
              ) : null,
            )}
          </>
        }
      />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`useCases.actions.${pending}`) : ''}
        message={pending ? t(`useCases.confirm.${pending}`) : ''}
        confirmLabel={pending ? t(`useCases.actions.${pending}`) : ''}
        onConfirm={confirm}
        onClose={() => setPending(null)}
        loading={transition.isPending}
        error={transition.error}
        danger={pending === 'archive'}
      >
        <MissingFields error={transition.error} useCaseId={uc.id} />
        {pending === 'request_changes' || pending === 'archive' ? (
          <Textarea
            label={pending === 'request_changes' ? t('useCases.reasonRequired') : t('useCases.reasonOptional')}
            required={pending === 'request_changes'}
            autosize
            minRows={3}
            value={reason}
            error={reasonError}
            onChange={(e) => {
              setReason(e.currentTarget.value)
              setReasonError(null)
            }}
            data-autofocus
          />
        ) : null}
      </ConfirmDialog>

      {isOperator && uc.status === 'accepted' ? <PromotePanel uc={uc} /> : null}

      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="uc-content">
          <Title order={2} size="h3" id="uc-content" mb="md">
            {t('useCases.contentTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0} mb="md">
            <Field label={t('useCases.fields.domain')}>{domainName(uc.domainId)}</Field>
            <Field label={t('useCases.trl')}>{trlRange(uc.trlMin, uc.trlMax)}</Field>
            <Field label={t('useCases.fields.tags')}>
              {uc.tags.length ? (
                <Group gap={4} component="span">
                  {uc.tags.map((x) => (
                    <Badge key={x.id} variant="light" color="gray" tt="none">
                      {x.name}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Field>
          </SimpleGrid>
          <ContentView content={uc.content} />
        </Card>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="uc-history">
            <Title order={2} size="h3" id="uc-history" mb="md">
              {t('useCases.history')}
            </Title>
            {uc.transitions.length === 0 ? (
              <Text c="dimmed">{t('useCases.noHistory')}</Text>
            ) : (
              <Timeline active={uc.transitions.length} bulletSize={14} lineWidth={2}>
                {uc.transitions.map((tr) => (
                  <Timeline.Item key={`${tr.createdAt}-${tr.to}`} title={t(`useCases.status.${tr.to}`)}>
                    <Text size="sm" c="dimmed">
                      {t('useCases.byOn', { name: tr.actor?.name ?? '—', date: f.dateTime(tr.createdAt) })}
                    </Text>
                    {tr.reason ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {tr.reason}
                      </Text>
                    ) : null}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
          <Revisions uc={uc} selected={revision} />
        </SimpleGrid>
        <Comments uc={uc} />
      </Stack>
    </>
  )
}

/** What a refused submission still needs, named with the form's labels, and a link to complete it. */
function MissingFields({ error, useCaseId }: { error: unknown; useCaseId: string }) {
  const { t } = useTranslation()
  if (!isApiError(error) || error.code !== 'use_case_incomplete' || error.fieldErrors.length === 0) return null
  const label = (path: string) =>
    path === 'trlMax' || path === 'trlMin' ? t('useCases.trl') : t(`useCases.fields.${path.replace(/^content\./, '')}`)
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('useCases.missing')}
      </Text>
      <ul style={{ margin: 0 }}>
        {error.fieldErrors.map((e) => (
          <li key={e.path}>{label(e.path === 'domainId' ? 'domain' : e.path)}</li>
        ))}
      </ul>
      <AnchorLink to="/app/use-cases/$useCaseId/edit" params={{ useCaseId }} size="sm">
        {t('useCases.completeIt')}
      </AnchorLink>
    </Stack>
  )
}
