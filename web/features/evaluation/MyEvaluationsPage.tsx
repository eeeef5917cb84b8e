import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MyAssignment, MyAssignments } from '../../../shared/contracts/evaluation.ts'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { Deadline } from '../../design-system/Deadline.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { evaluationApi, evaluationKeys, phaseColor } from './api.ts'
import { useFieldErrors } from './fieldErrors.ts'

type CallGroup = MyAssignments['calls'][number]

/** Experts: my assignments per call, with the deadline, the phases, my progress, and the conflict check. */
export function MyEvaluationsPage() {
  const { t } = useTranslation()
  const mine = useQuery({ queryKey: evaluationKeys.mine, queryFn: evaluationApi.mine })
  const [q, setQ] = useState('')
  const total = mine.data?.calls.reduce((n, c) => n + c.assignments.length, 0) ?? 0
  return (
    <>
      <PageHeader title={t('evaluation.mine.title')} description={t('evaluation.mine.description')} />
      <Stack gap="lg">
        <ErrorAlert error={mine.error} />
        {mine.isLoading ? <Skeleton height={240} /> : null}
        {mine.data && total === 0 ? (
          <EmptyState title={t('evaluation.mine.empty')} description={t('evaluation.mine.emptyText')} />
        ) : null}
        {total > 5 ? (
          <TextInput
            label={t('evaluation.mine.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maw={420}
            role="searchbox"
          />
        ) : null}
        {(mine.data?.calls ?? []).map((c) => (
          <CallCard key={c.callId} group={c} filter={q.trim().toLowerCase()} />
        ))}
      </Stack>
    </>
  )
}

function CallCard({ group, filter }: { group: CallGroup; filter: string }) {
  const { t, i18n } = useTranslation()
  const items = group.assignments.filter(
    (a) => !filter || `${a.reference} ${a.acronym} ${a.title}`.toLowerCase().includes(filter),
  )
  const submitted = group.assignments.filter((a) => a.evaluation.status === 'submitted').length
  const consensusOpen = group.phases.find((p) => p.kind === 'consensus')?.status === 'open'
  const headingId = `call-${group.callId}`
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id={headingId}>
            {group.code} · {localized(group.title, i18n.language)}
          </Title>
          <Group gap="xs" wrap="wrap">
            {group.phases.map((p) => (
              <Badge key={p.kind} color={phaseColor[p.status]} variant="light">
                {t(`evaluation.phase.${p.kind}`)}: {t(`evaluation.phaseStatus.${p.status}`)}
              </Badge>
            ))}
            {group.anonymised ? <Badge variant="outline">{t('evaluation.mine.anonymised')}</Badge> : null}
          </Group>
          {group.phases.find((p) => p.kind === 'individual')?.status === 'upcoming' ||
          group.phases.find((p) => p.kind === 'individual')?.status === 'unset' ? (
            <Group>
              <Button component={Link} to={`/app/evaluations/bids/${group.callId}`} variant="light" size="sm">
                {t('evaluation.mine.bids')}
              </Button>
            </Group>
          ) : null}
        </Stack>
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('evaluation.mine.deadline')}
            </Text>
            {group.deadline ? (
              <Deadline value={group.deadline} timeZone={group.timeZone} />
            ) : (
              <Text size="sm">{t('evaluation.mine.noDeadline')}</Text>
            )}
          </Stack>
          <Stack gap={4} miw={200} style={{ flex: '1 1 200px' }}>
            <Text size="sm" fw={600} id={`${headingId}-progress`}>
              {t('evaluation.mine.progress', { done: submitted, total: group.assignments.length })}
            </Text>
            {/* Progress passes aria-label (not aria-labelledby) to its role="progressbar" section. */}
            <Progress
              value={group.assignments.length ? (100 * submitted) / group.assignments.length : 0}
              aria-label={t('evaluation.mine.progress', { done: submitted, total: group.assignments.length })}
            />
          </Stack>
        </Group>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => (
            <li key={a.id}>
              <AssignmentItem assignment={a} criteriaCount={group.criteriaCount} consensusOpen={consensusOpen} />
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  )
}

const statusColor = { none: 'gray', draft: 'yellow', submitted: 'green' } as const

function AssignmentItem({
  assignment: a,
  criteriaCount,
  consensusOpen,
}: {
  assignment: MyAssignment
  criteriaCount: number
  consensusOpen: boolean
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const [dialog, setDialog] = useState<'confirm' | 'recuse' | null>(null)
  const [reason, setReason] = useState('')
  const done = () => {
    setDialog(null)
    void qc.invalidateQueries({ queryKey: evaluationKeys.mine })
  }
  const confirm = useMutation({
    mutationFn: () => evaluationApi.confirm(a.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('evaluation.mine.confirmed') })
      done()
    },
  })
  const recuse = useMutation({
    mutationFn: () => evaluationApi.recuse(a.id, { reason }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('evaluation.mine.recused') })
      done()
    },
  })
  const reasonTooShort = reason.trim().length < 10
  const reasonError = fieldErrors(recuse.error).reason
  return (
    <Card withBorder radius="sm" padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Text fw={600} component="h3" size="md" m={0}>
              {a.acronym} — {a.title}
            </Text>
            <Text size="xs" c="dimmed">
              {a.reference}
            </Text>
          </Stack>
          {a.status === 'assigned' ? (
            <Badge color="orange" variant="light">
              {t('evaluation.mine.toConfirm')}
            </Badge>
          ) : (
            <Badge color={statusColor[a.evaluation.status]} variant="light">
              {t(`evaluation.evaluationStatus.${a.evaluation.status}`)}
            </Badge>
          )}
        </Group>
        {a.status === 'assigned' ? (
          <>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.abstract || t('evaluation.mine.noAbstract')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('evaluation.mine.confirmFirst')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Button onClick={() => setDialog('confirm')}>{t('evaluation.mine.noConflict')}</Button>
              <Button variant="default" color="red" onClick={() => setDialog('recuse')}>
                {t('evaluation.mine.declareConflict')}
              </Button>
            </Group>
          </>
        ) : (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {t('evaluation.mine.criteriaDone', { done: a.evaluation.completed, total: criteriaCount })}
            </Text>
            <Group gap="xs" wrap="wrap">
              {consensusOpen ? (
                <Button component={Link} to={`/app/consensus/${a.applicationId}`} variant="default" size="sm">
                  {t('evaluation.mine.consensus')}
                </Button>
              ) : null}
              <Button component={Link} to={`/app/evaluations/${a.id}`} size="sm">
                {a.evaluation.status === 'submitted' ? t('evaluation.mine.view') : t('evaluation.mine.evaluate')}
                <VisuallyHidden> {a.acronym}</VisuallyHidden>
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={dialog === 'confirm'}
        title={t('evaluation.mine.confirmTitle')}
        message={t('evaluation.mine.confirmText', { acronym: a.acronym })}
        confirmLabel={t('evaluation.mine.noConflict')}
        onConfirm={() => confirm.mutate()}
        onClose={() => setDialog(null)}
        loading={confirm.isPending}
        error={confirm.error}
      />
      <ConfirmDialog
        opened={dialog === 'recuse'}
        title={t('evaluation.mine.recuseTitle')}
        message={t('evaluation.mine.recuseText')}
        confirmLabel={t('evaluation.mine.declareConflict')}
        onConfirm={() => {
          if (!reasonTooShort) recuse.mutate()
        }}
        onClose={() => setDialog(null)}
        loading={recuse.isPending}
        error={reasonError ? null : recuse.error}
        danger
      >
        <Textarea
          label={t('evaluation.mine.reason')}
          description={t('evaluation.mine.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minLength={10}
          maxLength={2000}
          autosize
          minRows={3}
          required
          data-autofocus
          error={reasonError ?? (reason && reasonTooShort ? t('evaluation.mine.reasonTooShort') : undefined)}
        />
      </ConfirmDialog>
    </Card>
  )
}
