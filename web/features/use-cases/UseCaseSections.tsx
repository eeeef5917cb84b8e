import { Button, Card, Group, Modal, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseCase, UseCaseContent } from '../../../shared/contracts/use-cases.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { demandApi, demandKeys } from './client.ts'
import { trlRange } from './labels.tsx'

const route = getRouteApi('/app/use-cases/$useCaseId')

export function Field({ label, children }: { label: string; children: ReactNode }) {
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

export function ContentView({ content }: { content: UseCaseContent }) {
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

export function Revisions({ uc, selected }: { uc: UseCase; selected: number | undefined }) {
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

export function Comments({ uc }: { uc: UseCase }) {
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
export function PromotePanel({ uc }: { uc: UseCase }) {
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
