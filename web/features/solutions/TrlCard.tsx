import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconFileText, IconLink, IconPlayerPlay, IconX } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Solution } from '../../../shared/contracts/solutions.ts'
import type { TrlAssessment, TrlReview } from '../../../shared/contracts/trl.ts'
import { isApiError } from '../../app/api.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { TrlFitBadge, useLevelTitle } from './labels.tsx'

/**
 * Where the solution stands on the TRL scale: the effective level (the latest review's, else the
 * self-assessed one), both levels with the reviewer's reason, the badge for the programme's window and
 * each challenge's range, and the actions: start or resume a self-assessment (members), review (staff).
 */
export function TrlCard({ solution }: { solution: Solution }) {
  const { t } = useTranslation()
  const f = useFormat()
  const levelTitle = useLevelTitle()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [reviewing, setReviewing] = useState(false)
  const trl = solution.trl
  const start = useMutation({
    mutationFn: () => solutionsApi.startAssessment(solution.id),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: solutionKeys.one(solution.id) })
      await navigate({
        to: '/app/solutions/$solutionId/trl/$assessmentId',
        params: { solutionId: solution.id, assessmentId: a.id },
      })
    },
  })

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="trl-card-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="trl-card-title">
              {t('solutions.trl.title')}
            </Title>
            <Text size="xl" fw={700}>
              {trl.effective === null ? t('solutions.trl.notAssessed') : `TRL ${trl.effective}`}
            </Text>
            {trl.effective !== null ? (
              <Text size="sm" c="dimmed">
                {levelTitle(trl.effective)}
              </Text>
            ) : null}
          </Stack>
          <TrlFitBadge fits={trl.trlFit.fits} window={trl.trlFit.window} size="lg" />
        </Group>
        {trl.selfAssessed ? (
          <Text size="sm">
            {t('solutions.trl.selfAssessed', {
              level: trl.selfAssessed.level,
              confidence: trl.selfAssessed.confidence ?? '—',
              date: f.date(trl.selfAssessed.completedAt),
            })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('solutions.trl.none')}
          </Text>
        )}
        {trl.review ? <ReviewNote review={trl.review} /> : null}
        {trl.challenges.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('solutions.trl.challengeFit')}
            </Text>
            {trl.challenges.map((c) => (
              <Group key={c.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  {c.code} · {c.title}
                </Text>
                <TrlFitBadge fits={c.fits} window={{ min: c.trlMin, max: c.trlMax }} size="sm" />
              </Group>
            ))}
          </Stack>
        ) : null}
        <Group gap="xs">
          {solution.abilities.assess?.allowed ? (
            trl.draft ? (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() =>
                  navigate({
                    to: '/app/solutions/$solutionId/trl/$assessmentId',
                    params: { solutionId: solution.id, assessmentId: trl.draft!.id },
                  })
                }
              >
                {t('solutions.trl.resume')}
              </Button>
            ) : (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {trl.selfAssessed ? t('solutions.trl.reassess') : t('solutions.trl.start')}
              </Button>
            )
          ) : null}
          {trl.selfAssessed && solution.abilities.review && solution.abilities.review.reason !== 'missing_role' ? (
            <AbilityButton ability={solution.abilities.review} variant="default" onClick={() => setReviewing(true)}>
              {t('solutions.trl.review')}
            </AbilityButton>
          ) : null}
        </Group>
        <ErrorAlert error={start.error} />
      </Stack>
      {trl.selfAssessed ? (
        <ReviewDialog
          opened={reviewing}
          onClose={() => setReviewing(false)}
          solutionId={solution.id}
          assessmentId={trl.selfAssessed.assessmentId}
          selfAssessed={trl.selfAssessed.level}
        />
      ) : null}
    </Card>
  )
}

function ReviewNote({ review }: { review: TrlReview }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Alert
      variant="light"
      color={review.decision === 'confirmed' ? 'green' : 'blue'}
      title={
        review.decision === 'confirmed'
          ? t('solutions.trl.confirmedBy', {
              name: review.reviewer?.name ?? t('solutions.trl.aReviewer'),
              level: review.level,
            })
          : t('solutions.trl.adjustedBy', {
              name: review.reviewer?.name ?? t('solutions.trl.aReviewer'),
              level: review.level,
            })
      }
    >
      <Text size="sm">{review.reason}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {f.date(review.createdAt)}
      </Text>
    </Alert>
  )
}

/** Staff, operators and experts confirm the self-assessed level or adjust it, with a reason the applicant sees. */
export function ReviewDialog(props: {
  opened: boolean
  onClose: () => void
  solutionId: string
  assessmentId: string
  selfAssessed: number
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const levelTitle = useLevelTitle()
  const [decision, setDecision] = useState<'confirmed' | 'adjusted'>('confirmed')
  const [level, setLevel] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ level?: string; reason?: string }>({})
  const review = useMutation({
    mutationFn: () =>
      solutionsApi.review(props.solutionId, props.assessmentId, {
        decision,
        level: decision === 'adjusted' ? Number(level) : undefined,
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: solutionKeys.one(props.solutionId) })
      notifications.show({ color: 'green', message: t('solutions.review.done') })
      props.onClose()
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.some((x) => x.path === 'reason'))
        setErrors({ reason: t('validation.too_short', { minimum: 3 }) })
    },
  })
  const submit = () => {
    const next: typeof errors = {}
    if (decision === 'adjusted' && level === null) next.level = t('validation.required')
    if (reason.trim().length < 3)
      next.reason = reason.trim() ? t('validation.too_short', { minimum: 3 }) : t('validation.required')
    setErrors(next)
    if (Object.keys(next).length === 0) review.mutate()
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('solutions.review.title')} centered>
      <Stack>
        <Text size="sm">{t('solutions.review.intro', { level: props.selfAssessed })}</Text>
        <Radio.Group
          label={t('solutions.review.decision')}
          value={decision}
          onChange={(v) => setDecision(v as 'confirmed' | 'adjusted')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="confirmed" label={t('solutions.review.confirm', { level: props.selfAssessed })} />
            <Radio value="adjusted" label={t('solutions.review.adjust')} />
          </Stack>
        </Radio.Group>
        {decision === 'adjusted' ? (
          <Select
            label={t('solutions.review.level')}
            required
            data={Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: `TRL ${i} · ${levelTitle(i)}` }))}
            value={level}
            onChange={setLevel}
            error={errors.level}
          />
        ) : null}
        <Textarea
          label={t('solutions.review.reason')}
          description={t('solutions.review.reasonHelp')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <ErrorAlert error={review.error && !errors.reason ? review.error : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={review.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={review.isPending}>
            {t('solutions.review.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The assessments over time, and the evidence trail of each (members and reviewers). */
export function TrlHistory({ solution }: { solution: Solution }) {
  const { t } = useTranslation()
  const f = useFormat()
  const list = useQuery({
    queryKey: solutionKeys.assessments(solution.id),
    queryFn: () => solutionsApi.assessments(solution.id),
    enabled: solution.abilities.viewTrail?.allowed === true,
  })
  const [open, setOpen] = useState<string | null>(null)
  if (!solution.abilities.viewTrail?.allowed) return null
  const items = list.data?.items ?? []
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="trl-history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trl-history-title">
          {t('solutions.history.title')}
        </Title>
        <ErrorAlert error={list.error} />
        {items.length === 0 && !list.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('solutions.history.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer
            minWidth={400}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('table.region', { name: t('solutions.history.title') })}
          >
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('solutions.history.date')}</Table.Th>
                  <Table.Th>{t('solutions.history.result')}</Table.Th>
                  <Table.Th>{t('solutions.history.confidence')}</Table.Th>
                  <Table.Th>{t('solutions.history.review')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('solutions.history.evidence')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{f.dateShort(a.completedAt ?? a.updatedAt)}</Table.Td>
                    <Table.Td>
                      {a.status === 'draft' ? (
                        <Badge variant="light" color="gray">
                          {t('solutions.history.draft')}
                        </Badge>
                      ) : (
                        `TRL ${a.resultLevel}`
                      )}
                    </Table.Td>
                    <Table.Td>{a.confidence ?? '—'}</Table.Td>
                    <Table.Td>
                      {a.review
                        ? `${t(`solutions.review.decisions.${a.review.decision}`)} · TRL ${a.review.level}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {a.status === 'completed' ? (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => setOpen(open === a.id ? null : a.id)}
                        >
                          {open === a.id ? t('solutions.history.hideEvidence') : t('solutions.history.showEvidence')}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {open ? <EvidenceTrail solutionId={solution.id} assessmentId={open} /> : null}
      </Stack>
    </Card>
  )
}

/** The answers of one assessment, level by level, with each "yes" and its evidence. */
export function EvidenceTrail({ solutionId, assessmentId }: { solutionId: string; assessmentId: string }) {
  const a = useQuery({
    queryKey: solutionKeys.assessment(solutionId, assessmentId),
    queryFn: () => solutionsApi.assessment(solutionId, assessmentId),
  })
  if (!a.data) return <ErrorAlert error={a.error} />
  return <Trail assessment={a.data} solutionId={solutionId} />
}

function Trail({ assessment, solutionId }: { assessment: TrlAssessment; solutionId: string }) {
  const { t } = useTranslation()
  const levelTitle = useLevelTitle()
  const levels = [...new Set(assessment.answers.map((x) => x.level))].sort((x, y) => x - y)
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('solutions.history.trailTitle', { level: assessment.resultLevel })}
      </Title>
      <Accordion multiple variant="separated">
        {levels.map((level) => {
          const answers = assessment.answers.filter((x) => x.level === level)
          const met = answers.every((x) => x.met)
          return (
            <Accordion.Item key={level} value={String(level)}>
              <Accordion.Control
                icon={
                  <ThemeIcon size="sm" radius="xl" color={met ? 'green' : 'orange'} variant="light">
                    {met ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                  </ThemeIcon>
                }
              >
                TRL {level} · {levelTitle(level)}
                <span className="sr-only">
                  {' '}
                  — {met ? t('solutions.wizard.levelMet') : t('solutions.wizard.levelNotMet')}
                </span>
              </Accordion.Control>
              <Accordion.Panel>
                <List spacing="sm" listStyleType="none" ps={0}>
                  {answers.map((x) => (
                    <List.Item key={x.criterion}>
                      <Text size="sm" fw={600}>
                        {x.met ? t('solutions.wizard.yes') : t('solutions.wizard.no')} —{' '}
                        {t(`trl.criteria.${x.criterion}.text`)}
                      </Text>
                      {x.met ? (
                        <Stack gap={2} mt={2}>
                          <Text size="sm">{x.evidenceText}</Text>
                          {x.evidenceUrl ? (
                            <Group gap={4} wrap="nowrap">
                              <IconLink size={14} aria-hidden />
                              <Anchor
                                href={x.evidenceUrl}
                                target="_blank"
                                rel="noopener noreferrer nofollow"
                                size="sm"
                                style={{ wordBreak: 'break-all' }}
                              >
                                {x.evidenceUrl}
                              </Anchor>
                            </Group>
                          ) : null}
                          {x.evidenceFile ? (
                            <Group gap={4} wrap="nowrap">
                              <IconFileText size={14} aria-hidden />
                              <Anchor
                                href={`/api/v1/solutions/${solutionId}/trl-assessments/${assessment.id}/evidence/${x.evidenceFile.id}`}
                                size="sm"
                              >
                                {x.evidenceFile.filename}
                              </Anchor>
                            </Group>
                          ) : null}
                        </Stack>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          )
        })}
      </Accordion>
    </Stack>
  )
}
