import { Alert, Button, Card, Checkbox, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Challenge } from '../../../shared/contracts/challenges.ts'
import { isApiError } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { ChallengeRecommendations } from '../recommendations/ChallengeRecommendations.tsx'
import { demandApi, demandKeys } from '../use-cases/client.ts'
import { trlRange } from '../use-cases/labels.tsx'
import { ChallengeForm, type ChallengeFormValues, toChallengePayload, toChallengeValues } from './ChallengeForm.tsx'
import { ChallengeHistoryCard } from './ChallengeHistory.tsx'
import { ChallengeStatusBadge } from './ChallengesAdminPage.tsx'
import { useLinkableCalls } from './useLinkableCalls.ts'

const route = getRouteApi('/app/admin/challenges/$challengeId')

export function ChallengeAdminPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="challenge.manage" title={t('challengesAdmin.title')}>
      <ChallengeAdmin />
    </RequireCapability>
  )
}

function ChallengeAdmin() {
  const { t } = useTranslation()
  const { challengeId } = route.useParams()
  const q = useQuery({
    queryKey: demandKeys.challenge(challengeId),
    queryFn: () => demandApi.challenge(challengeId),
    refetchOnWindowFocus: false,
  })
  const back = (
    <AnchorLink to="/app/admin/challenges" size="sm">
      ← {t('challengesAdmin.title')}
    </AnchorLink>
  )
  if (q.isLoading)
    return (
      <>
        <PageHeader title={t('common.loading')} above={back} />
        <Skeleton height={300} />
      </>
    )
  if (!q.data)
    return (
      <>
        <PageHeader title={t('challengesAdmin.notAvailable')} above={back} />
        <ErrorAlert error={q.error} />
      </>
    )
  return <ChallengeView c={q.data} back={back} reload={() => q.refetch()} />
}

function ChallengeView({ c, back, reload }: { c: Challenge; back: React.ReactNode; reload: () => unknown }) {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const calls = useLinkableCalls(c.calls.map((x) => x.id))
  const [editing, setEditing] = useState(false)
  const [editKey, setEditKey] = useState(0)
  const [saveError, setSaveError] = useState<unknown>(null)
  const [confirm, setConfirm] = useState<'publish' | 'unpublish' | null>(null)
  const put = async (updated: Challenge) => {
    queryClient.setQueryData(demandKeys.challenge(c.id), updated)
    await queryClient.invalidateQueries({ queryKey: demandKeys.challenges() })
  }
  const publication = useMutation({
    mutationFn: (action: 'publish' | 'unpublish') => demandApi.publication(c.id, action),
    onSuccess: async (updated, action) => {
      await put(updated)
      setConfirm(null)
      notifications.show({ color: 'green', message: t(`challengesAdmin.done.${action}`) })
    },
  })
  const link = useMutation({
    mutationFn: (v: { callId: string; linked: boolean }) => demandApi.linkCall(c.id, v.callId, v.linked),
    onSuccess: put,
  })
  const save = async (v: ChallengeFormValues) => {
    try {
      const updated = await demandApi.updateChallenge(c.id, { expectedVersion: c.version, ...toChallengePayload(v) })
      await put(updated)
      setSaveError(null)
      setEditing(false)
      notifications.show({ color: 'green', message: t('challengesAdmin.savedNotice', { version: updated.version }) })
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.fieldErrors.some((x) => x.path === 'expectedVersion')) {
        setSaveError(e)
        return
      }
      throw e
    }
  }
  const stale = isApiError(saveError)

  return (
    <>
      <PageHeader
        title={c.title}
        documentTitle={`${c.code} · ${c.title}`}
        above={back}
        description={
          <Group gap="xs">
            <ChallengeStatusBadge status={c.status} />
            <Text size="sm" c="dimmed" component="span">
              {c.code} · {t('challengesAdmin.versionN', { version: c.version })} · {trlRange(c.trlMin, c.trlMax)}
            </Text>
          </Group>
        }
        actions={
          <>
            {!editing ? (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {c.status === 'published' ? (
              <Button variant="default" onClick={() => setConfirm('unpublish')}>
                {t('challengesAdmin.actions.unpublish')}
              </Button>
            ) : (
              <Button onClick={() => setConfirm('publish')}>{t('challengesAdmin.actions.publish')}</Button>
            )}
          </>
        }
      />
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm ? t(`challengesAdmin.actions.${confirm}`) : ''}
        message={confirm ? t(`challengesAdmin.confirm.${confirm}`) : ''}
        confirmLabel={confirm ? t(`challengesAdmin.actions.${confirm}`) : ''}
        onConfirm={() => confirm && publication.mutate(confirm)}
        onClose={() => setConfirm(null)}
        loading={publication.isPending}
        error={publication.error}
        danger={confirm === 'unpublish'}
      />
      {editing ? (
        <Paper
          withBorder
          p={{ base: 'md', sm: 'xl' }}
          radius="md"
          maw={900}
          component="section"
          aria-labelledby="ch-edit"
        >
          <Title order={2} size="h3" id="ch-edit" mb="md">
            {t('challengesAdmin.edit')}
          </Title>
          {stale ? (
            <Alert color="orange" variant="light" role="alert" title={t('challengesAdmin.stale.title')} mb="md">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('challengesAdmin.stale.text')}</Text>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={async () => {
                    await reload()
                    setSaveError(null)
                    setEditKey((k) => k + 1)
                  }}
                >
                  {t('useCases.stale.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          <ChallengeForm
            key={`${editKey}-${c.version}`}
            initial={toChallengeValues(c)}
            knownTags={c.tags.map((x) => ({ id: x.id, name: x.name, taxonomyId: x.taxonomy }))}
            submitLabel={t('common.save')}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </Paper>
      ) : (
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="ch-text">
            <Title order={2} size="h3" id="ch-text" mb="sm">
              {t('challengesAdmin.sections.text')}
            </Title>
            <Text mb="sm">{c.summary}</Text>
            <Title order={3} size="h5">
              {t('challengesAdmin.fields.problem')}
            </Title>
            <Text mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.content.problem}
            </Text>
            <Title order={3} size="h5">
              {t('challengesAdmin.fields.expectedOutcome')}
            </Title>
            <Text mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.content.expectedOutcome}
            </Text>
            <Title order={3} size="h5">
              {t('challengesAdmin.fields.requirements')}
            </Title>
            <ul>
              {c.content.requirements.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <Text size="sm" c="dimmed">
              {c.publishedAt ? t('challengesAdmin.publishedOn', { date: f.dateTime(c.publishedAt) }) : null}
            </Text>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="ch-calls">
            <Title order={2} size="h3" id="ch-calls" mb="sm">
              {t('challengesAdmin.calls')}
            </Title>
            <Stack gap="xs">
              {calls.map((call) => (
                <Checkbox
                  key={call.value}
                  label={call.label}
                  checked={c.calls.some((x) => x.id === call.value)}
                  disabled={link.isPending}
                  onChange={(e) => link.mutate({ callId: call.value, linked: e.currentTarget.checked })}
                />
              ))}
              <ErrorAlert error={link.error} />
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="ch-usecases">
            <Title order={2} size="h3" id="ch-usecases" mb="sm">
              {t('challengesAdmin.linkedUseCases')}
            </Title>
            {c.useCaseIds.length === 0 ? (
              <Text c="dimmed">{t('challengesAdmin.noUseCases')}</Text>
            ) : (
              <ul>
                {c.useCaseIds.map((id) => (
                  <LinkedUseCase key={id} id={id} />
                ))}
              </ul>
            )}
          </Card>
          <ChallengeHistoryCard challengeId={c.id} />
          <ChallengeRecommendations challengeId={c.id} />
        </Stack>
      )}
    </>
  )
}

/** A linked use case by its reference and title (or its id while loading or when hidden from the operator). */
function LinkedUseCase({ id }: { id: string }) {
  const { t } = useTranslation()
  const uc = useQuery({ queryKey: demandKeys.oneUseCase(id), queryFn: () => demandApi.getUseCase(id) })
  return (
    <li>
      <AnchorLink to="/app/use-cases/$useCaseId" params={{ useCaseId: id }}>
        {uc.data ? `${uc.data.reference} · ${uc.data.title}` : t('challengesAdmin.openUseCase', { id: id.slice(0, 8) })}
      </AnchorLink>
    </li>
  )
}
