import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseCase, UseCaseContent } from '../../../shared/contracts/use-cases.ts'
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

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {children || <span>{t('common.notGiven')}</span>}
      </Text>
    </div>
  )
}

function ContentView({ content }: { content: UseCaseContent }) {
  const { t } = useTranslation()
  const c = content
  const yes = (b: boolean) => (b ? t('useCases.yes') : t('useCases.no'))
  return (
    <Stack gap="md" component="dl" m={0}>
      <Field label={t('useCases.fields.contextAndThreat')}>{c.contextAndThreat}</Field>
      <Field label={t('useCases.fields.problemStatement')}>{c.problemStatement}</Field>
      <Field label={t('useCases.fields.stakeholders')}>{c.stakeholders}</Field>
      <Field label={t('useCases.fields.owner')}>{c.owner}</Field>
      <Field label={t('useCases.fields.currentPractice')}>{c.currentPractice}</Field>
      <Field label={t('useCases.fields.gaps')}>{c.gaps}</Field>
      <Field label={t('useCases.fields.functionalRequirements')}>{c.functionalRequirements}</Field>
      <Field label={t('useCases.fields.legal')}>{c.constraints.legal}</Field>
      <Field label={t('useCases.fields.ethics')}>{c.constraints.ethics}</Field>
      <Field label={t('useCases.fields.interoperability')}>{c.constraints.interoperability}</Field>
      <Field label={t('useCases.fields.price')}>{c.constraints.price}</Field>
      <Field label={t('useCases.fields.maintainability')}>{c.constraints.maintainability}</Field>
      <Field label={t('useCases.fields.successCriteria')}>{c.successCriteria}</Field>
      <Field label={t('useCases.fields.testBed')}>{c.testBed}</Field>
      <Field label={t('useCases.fields.dataAvailability')}>{c.dataAvailability}</Field>
      <Field label={t('useCases.fields.validator')}>{yes(c.commitment.validator)}</Field>
      <Field label={t('useCases.fields.firstAdopter')}>{yes(c.commitment.firstAdopter)}</Field>
      <Field label={t('useCases.fields.commitmentNotes')}>{c.commitment.notes}</Field>
    </Stack>
  )
}

function Revisions({ uc, selected }: { uc: UseCase; selected: number | undefined }) {
  const { t } = useTranslation()
  const f = useFormat()
  const old = useQuery({
    queryKey: demandKeys.revision(uc.id, selected ?? 0),
    queryFn: () => demandApi.revision(uc.id, selected ?? 0),
    enabled: selected !== undefined,
  })
  const navigate = route.useNavigate()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="uc-revisions">
      <Title order={2} size="h3" id="uc-revisions" mb="md">
        {t('useCases.revisions')}
      </Title>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {uc.revisions.map((r) => (
          <li key={r.revision}>
            <AnchorLink
              to="/app/use-cases/$useCaseId"
              params={{ useCaseId: uc.id }}
              search={{ revision: r.revision }}
              aria-current={selected === r.revision ? 'true' : undefined}
            >
              {t('useCases.revisionN', { revision: r.revision })}
            </AnchorLink>{' '}
            <Text span size="sm" c="dimmed">
              {t('useCases.byOn', { name: r.author?.name ?? '—', date: f.dateTime(r.createdAt) })}
            </Text>
          </li>
        ))}
      </Stack>
      <Modal
        opened={selected !== undefined}
        onClose={() => navigate({ search: {}, replace: true })}
        title={t('useCases.revisionN', { revision: selected ?? 0 })}
        size="xl"
      >
        <ErrorAlert error={old.error} />
        {old.data ? (
          <Stack>
            <Text fw={600}>{old.data.title}</Text>
            <Text size="sm" c="dimmed">
              {t('useCases.byOn', { name: old.data.author?.name ?? '—', date: f.dateTime(old.data.createdAt) })} ·{' '}
              {trlRange(old.data.trlMin, old.data.trlMax)} · {t(`useCases.confidentiality.${old.data.confidentiality}`)}
            </Text>
            <ContentView content={old.data.content} />
          </Stack>
        ) : (
          <Skeleton height={200} />
        )}
      </Modal>
    </Card>
  )
}

function Comments({ uc }: { uc: UseCase }) {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: (text: string) => demandApi.comment(uc.id, text),
    onSuccess: async () => {
      setBody('')
      await queryClient.invalidateQueries({ queryKey: demandKeys.oneUseCase(uc.id) })
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="uc-comments">
      <Title order={2} size="h3" id="uc-comments" mb="md">
        {t('useCases.comments')}
      </Title>
      <Stack gap="md">
        {uc.comments.length === 0 ? <Text c="dimmed">{t('useCases.noComments')}</Text> : null}
        {uc.comments.map((c) => (
          <Card key={c.id} withBorder padding="sm" component="article">
            <Text size="sm" fw={600}>
              {t('useCases.byOn', { name: c.author?.name ?? '—', date: f.dateTime(c.createdAt) })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
          </Card>
        ))}
        {uc.abilities.comment?.allowed ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              if (!body.trim()) return setError(t('validation.required'))
              add.mutate(body.trim())
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('useCases.newComment')}
                autosize
                minRows={3}
                value={body}
                error={error}
                onChange={(e) => {
                  setBody(e.currentTarget.value)
                  setError(null)
                }}
              />
              <ErrorAlert error={add.error} />
              <Group>
                <Button type="submit" loading={add.isPending}>
                  {t('useCases.postComment')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  )
}

/** Operators turn an accepted use case into a new challenge, or add it to an existing one. */
function PromotePanel({ uc }: { uc: UseCase }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [target, setTarget] = useState<string | null>(null)
  const list = useQuery({
    queryKey: demandKeys.challenges({ pageSize: 100 }),
    queryFn: () => demandApi.challenges({ pageSize: 100 }),
  })
  const link = useMutation({
    mutationFn: (challengeId: string) => demandApi.linkUseCases(challengeId, [uc.id]),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: demandKeys.oneUseCase(uc.id) })
      await queryClient.invalidateQueries({ queryKey: demandKeys.challenges() })
      notifications.show({ color: 'green', message: t('useCases.promote.added', { code: c.code }) })
    },
  })
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="uc-promote">
      <Title order={2} size="h3" id="uc-promote" mb="xs">
        {t('useCases.promote.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('useCases.promote.text')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ButtonLink to="/app/admin/challenges/new" search={{ fromUseCase: uc.id }}>
          {t('useCases.promote.create')}
        </ButtonLink>
        <Select
          label={t('useCases.promote.existing')}
          searchable
          w={320}
          value={target}
          onChange={setTarget}
          data={(list.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }))}
        />
        <Button
          variant="default"
          disabled={!target}
          loading={link.isPending}
          onClick={() => target && link.mutate(target)}
        >
          {t('useCases.promote.add')}
        </Button>
      </Group>
      <ErrorAlert error={link.error} />
    </Card>
  )
}
