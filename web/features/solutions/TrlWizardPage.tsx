import {
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  List,
  Paper,
  Progress,
  Radio,
  Skeleton,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconFileText, IconUpload, IconX } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  StoredEvidence,
  TrlAnswerInput,
  TrlAssessment,
  TrlEvaluation,
  TrlQuestionnaire,
} from '../../../shared/contracts/trl.ts'
import { isApiError } from '../../app/api.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { fileToBase64, solutionKeys, solutionsApi } from './client.ts'
import { TrlFitBadge, useLevelTitle } from './labels.tsx'
import classes from './Solutions.module.css'

const route = getRouteApi('/app/solutions/$solutionId/trl/$assessmentId')
const SUMMARY = 10
const programmeWindow = { min: 5, max: 8 }

interface AnswerState {
  met: boolean | null
  evidenceText: string
  evidenceUrl: string
  evidenceFileId: string | null
  evidenceFile: StoredEvidence | null
}
type Answers = Record<string, AnswerState>
const blank: AnswerState = { met: null, evidenceText: '', evidenceUrl: '', evidenceFileId: null, evidenceFile: null }

const isUrl = (v: string) => {
  try {
    const u = new URL(v)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.')
  } catch {
    return false
  }
}

function toInput(answers: Answers): TrlAnswerInput[] {
  return Object.entries(answers)
    .filter(([, a]) => a.met !== null || a.evidenceText || a.evidenceUrl || a.evidenceFileId)
    .map(([criterion, a]) => ({
      criterion,
      met: a.met,
      evidenceText: a.evidenceText,
      evidenceUrl: a.evidenceUrl,
      evidenceFileId: a.evidenceFileId,
    }))
}

/** The level the applicant may open: every level below it fully answered "yes". */
function reachable(q: TrlQuestionnaire, answers: Answers): number {
  for (const l of q.levels) {
    if (!l.criteria.every((c) => answers[c.id]?.met === true)) return l.level
  }
  return SUMMARY
}

/** The guided self-assessment: level by level, yes or no per criterion, evidence for each yes, then the result. */
export function TrlWizardPage() {
  const { t } = useTranslation()
  const { solutionId, assessmentId } = route.useParams()
  const solution = useQuery({ queryKey: solutionKeys.one(solutionId), queryFn: () => solutionsApi.get(solutionId) })
  const assessment = useQuery({
    queryKey: solutionKeys.assessment(solutionId, assessmentId),
    queryFn: () => solutionsApi.assessment(solutionId, assessmentId),
    refetchOnWindowFocus: false,
  })
  const type = assessment.data?.questionnaire
  const questionnaire = useQuery({
    queryKey: solutionKeys.questionnaire(type ?? ''),
    queryFn: () => solutionsApi.questionnaire(type!),
    enabled: Boolean(type),
    staleTime: Number.POSITIVE_INFINITY,
  })
  const back = (
    <AnchorLink to="/app/solutions/$solutionId" params={{ solutionId }} size="sm">
      ← {solution.data?.name ?? t('solutions.title')}
    </AnchorLink>
  )
  if (!assessment.data || !questionnaire.data || !solution.data) {
    return (
      <>
        <PageHeader title={t('solutions.wizard.title')} above={back} />
        <ErrorAlert error={assessment.error ?? questionnaire.error ?? solution.error} />
        {assessment.error ? null : <Skeleton height={400} />}
      </>
    )
  }
  return (
    <Wizard
      key={assessment.data.id}
      solutionId={solutionId}
      solutionName={solution.data.name}
      assessment={assessment.data}
      questionnaire={questionnaire.data}
      back={back}
    />
  )
}

function Wizard(props: {
  solutionId: string
  solutionName: string
  assessment: TrlAssessment
  questionnaire: TrlQuestionnaire
  back: React.ReactNode
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const levelTitle = useLevelTitle()
  const message = useErrorMessage()
  const q = props.questionnaire
  const completed = props.assessment.status === 'completed'
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(
      props.assessment.answers.map((a) => [
        a.criterion,
        {
          met: a.met,
          evidenceText: a.evidenceText,
          evidenceUrl: a.evidenceUrl,
          evidenceFileId: a.evidenceFileId,
          evidenceFile: a.evidenceFile,
        },
      ]),
    ),
  )
  const [confidence, setConfidence] = useState<number | null>(props.assessment.confidence)
  const [step, setStep] = useState<number>(() => props.assessment.evaluation.nextLevel ?? SUMMARY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [evaluation, setEvaluation] = useState<TrlEvaluation>(props.assessment.evaluation)
  const [saveState, setSaveState] = useState<{
    state: 'idle' | 'saving' | 'saved' | 'error'
    at?: Date
    error?: unknown
  }>({
    state: 'idle',
  })
  const [completing, setCompleting] = useState(false)
  const [completeError, setCompleteError] = useState<unknown>(null)
  const dirty = useRef(false)
  const latest = useRef({ answers, confidence })
  latest.current = { answers, confidence }
  const heading = useRef<HTMLHeadingElement>(null)

  const save = useCallback(async () => {
    if (completed) return
    dirty.current = false
    setSaveState({ state: 'saving' })
    try {
      const out = await solutionsApi.saveAssessment(props.solutionId, props.assessment.id, {
        answers: toInput(latest.current.answers),
        confidence: latest.current.confidence,
      })
      setEvaluation(out.evaluation)
      setSaveState({ state: 'saved', at: new Date() })
    } catch (e) {
      dirty.current = true
      setSaveState({ state: 'error', error: e })
    }
  }, [completed, props.solutionId, props.assessment.id])

  // Autosave two seconds after the last change (the timer restarts with each change).
  const changes = `${JSON.stringify(answers)}|${confidence}`
  useEffect(() => {
    if (!dirty.current || !changes) return
    const timer = setTimeout(() => void save(), 2000)
    return () => clearTimeout(timer)
  }, [changes, save])

  const change = (criterion: string, patch: Partial<AnswerState>) => {
    dirty.current = true
    setAnswers((prev) => ({ ...prev, [criterion]: { ...(prev[criterion] ?? blank), ...patch } }))
    setErrors((prev) => {
      const next = { ...prev }
      for (const k of Object.keys(patch)) delete next[`${criterion}.${k === 'evidenceFileId' ? 'evidenceUrl' : k}`]
      if ('met' in patch) delete next[`${criterion}.met`]
      return next
    })
  }

  const go = async (next: number) => {
    if (dirty.current) await save()
    setStep(next)
    requestAnimationFrame(() => heading.current?.focus())
  }

  const level = q.levels.find((l) => l.level === step)
  const maxLevel = reachable(q, answers)

  /** Checks the current level before moving on: every criterion answered, evidence for each "yes". */
  const next = () => {
    if (!level) return
    const found: Record<string, string> = {}
    for (const c of level.criteria) {
      const a = answers[c.id] ?? blank
      if (a.met === null) found[`${c.id}.met`] = t('solutions.wizard.answerRequired')
      if (a.met) {
        if (!a.evidenceText.trim()) found[`${c.id}.evidenceText`] = t('validation.evidence_text_required')
        if (a.evidenceUrl.trim() && !isUrl(a.evidenceUrl.trim()))
          found[`${c.id}.evidenceUrl`] = t('validation.invalid_url')
        else if (!a.evidenceUrl.trim() && !a.evidenceFileId)
          found[`${c.id}.evidenceUrl`] = t('validation.evidence_source_required')
      }
    }
    setErrors(found)
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0]!
      requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus())
      return
    }
    const anyNo = level.criteria.some((c) => answers[c.id]?.met === false)
    void go(anyNo || step === 9 ? SUMMARY : step + 1)
  }

  const complete = async () => {
    setCompleteError(null)
    if (confidence === null) {
      setErrors({ confidence: t('validation.confidence_required') })
      return
    }
    setCompleting(true)
    try {
      const out = await solutionsApi.completeAssessment(props.solutionId, props.assessment.id, {
        answers: toInput(answers),
        confidence,
      })
      dirty.current = false
      await queryClient.invalidateQueries({ queryKey: solutionKeys.one(props.solutionId) })
      notifications.show({ color: 'green', message: t('solutions.wizard.completedNotice', { level: out.resultLevel }) })
      await navigate({ to: '/app/solutions/$solutionId', params: { solutionId: props.solutionId } })
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length > 0) {
        const found: Record<string, string> = {}
        let firstLevel: number | null = null
        for (const fe of e.fieldErrors) {
          const key = fe.path.replace(/^answers\./, '')
          found[fe.path === 'answers' ? 'answers' : key] = t(`validation.${fe.code}`)
          const criterion = key.split('.')[0] ?? ''
          const lv = q.levels.find((l) => l.criteria.some((c) => c.id === criterion))?.level
          if (lv && (firstLevel === null || lv < firstLevel)) firstLevel = lv
        }
        setErrors(found)
        if (firstLevel !== null) setStep(firstLevel)
      }
      setCompleteError(e)
    } finally {
      setCompleting(false)
    }
  }

  const answeredLevels = q.levels.filter((l) => l.level < maxLevel).length
  const progress = step === SUMMARY ? 100 : Math.round((answeredLevels / 9) * 100)
  const stoppedCriterion =
    evaluation.stoppedAt !== null
      ? q.levels.find((l) => l.level === evaluation.stoppedAt)?.criteria.find((c) => answers[c.id]?.met === false)
      : undefined

  return (
    <>
      <PageHeader
        title={t('solutions.wizard.title')}
        documentTitle={`${t('solutions.wizard.title')} · ${props.solutionName}`}
        description={t('solutions.wizard.intro', { type: t(`solutions.types.${q.type}`) })}
        above={props.back}
      />
      <Stack gap="md" maw={900}>
        {completed ? (
          <Alert color="blue" variant="light">
            {t('solutions.wizard.alreadyCompleted', { level: props.assessment.resultLevel })}
          </Alert>
        ) : null}
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" fw={600} id="wizard-progress-label">
                {step === SUMMARY ? t('solutions.wizard.summaryStep') : t('solutions.wizard.levelOf', { level: step })}
              </Text>
              <SaveStatus state={saveState.state} at={saveState.at} />
            </Group>
            <Progress.Root>
              <Progress.Section value={progress} aria-labelledby="wizard-progress-label" />
            </Progress.Root>
            <nav aria-label={t('solutions.wizard.levels')}>
              <Group gap={6} wrap="wrap" component="ol" className={classes.steps}>
                {q.levels.map((l) => {
                  const state = l.criteria.some((c) => answers[c.id]?.met === false)
                    ? 'no'
                    : l.criteria.every((c) => answers[c.id]?.met === true)
                      ? 'yes'
                      : 'open'
                  const enabled = l.level <= maxLevel
                  return (
                    <li key={l.level}>
                      <UnstyledButton
                        className={classes.step}
                        data-current={step === l.level || undefined}
                        data-state={state}
                        disabled={!enabled}
                        aria-current={step === l.level ? 'step' : undefined}
                        aria-label={`${t('solutions.wizard.levelN', { level: l.level })}${
                          state === 'yes'
                            ? `, ${t('solutions.wizard.levelMet')}`
                            : state === 'no'
                              ? `, ${t('solutions.wizard.levelNotMet')}`
                              : ''
                        }`}
                        onClick={() => void go(l.level)}
                      >
                        {l.level}
                      </UnstyledButton>
                    </li>
                  )
                })}
                <li>
                  <UnstyledButton
                    className={classes.step}
                    data-current={step === SUMMARY || undefined}
                    data-wide
                    aria-current={step === SUMMARY ? 'step' : undefined}
                    onClick={() => void go(SUMMARY)}
                  >
                    {t('solutions.wizard.result')}
                  </UnstyledButton>
                </li>
              </Group>
            </nav>
          </Stack>
        </Paper>

        {level ? (
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <div>
                <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
                  TRL {level.level} · {levelTitle(level.level)}
                </Title>
                <Text c="dimmed" size="sm">
                  {t(`trl.levels.${level.level}.description`)}
                </Text>
              </div>
              <Text size="sm">{t('solutions.wizard.levelHelp')}</Text>
              {level.criteria.map((c) => (
                <CriterionField
                  key={c.id}
                  id={c.id}
                  dimension={t(`trl.dimensions.${c.dimension}`)}
                  value={answers[c.id] ?? blank}
                  errors={errors}
                  disabled={completed}
                  onChange={(patch) => change(c.id, patch)}
                  upload={async (file) => {
                    const stored = await solutionsApi.uploadEvidence(props.solutionId, props.assessment.id, {
                      filename: file.name,
                      data: await fileToBase64(file),
                    })
                    change(c.id, { evidenceFileId: stored.id, evidenceFile: stored })
                  }}
                />
              ))}
              <Group justify="space-between" wrap="wrap">
                <Button variant="default" disabled={level.level === 1} onClick={() => void go(level.level - 1)}>
                  {t('solutions.wizard.previous')}
                </Button>
                <Group gap="xs">
                  {!completed ? (
                    <Button variant="default" onClick={() => void save()} loading={saveState.state === 'saving'}>
                      {t('solutions.wizard.saveDraft')}
                    </Button>
                  ) : null}
                  <Button onClick={next}>
                    {level.level === 9 || level.criteria.some((c) => answers[c.id]?.met === false)
                      ? t('solutions.wizard.seeResult')
                      : t('solutions.wizard.next')}
                  </Button>
                </Group>
              </Group>
              {saveState.state === 'error' ? (
                <Text c="red" size="sm" role="alert">
                  {t('solutions.wizard.saveFailed', { reason: message(saveState.error) })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
                {t('solutions.wizard.summaryTitle')}
              </Title>
              {evaluation.finished ? (
                <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
                  <Stack gap={6}>
                    <Text size="lg" fw={700}>
                      {t('solutions.wizard.reaches', { level: evaluation.resultLevel })}
                    </Text>
                    <Text size="sm">{levelTitle(evaluation.resultLevel)}</Text>
                    {evaluation.stoppedAt !== null ? (
                      <Text size="sm">
                        {t('solutions.wizard.stoppedAt', {
                          level: evaluation.stoppedAt,
                          criterion: stoppedCriterion ? t(`trl.criteria.${stoppedCriterion.id}.text`) : '',
                        })}
                      </Text>
                    ) : (
                      <Text size="sm">{t('solutions.wizard.allMet')}</Text>
                    )}
                    <div>
                      <TrlFitBadge
                        fits={evaluation.resultLevel >= 5 && evaluation.resultLevel <= 8}
                        window={programmeWindow}
                      />
                    </div>
                  </Stack>
                </Card>
              ) : (
                <Alert color="orange" variant="light" title={t('solutions.wizard.unfinishedTitle')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('solutions.wizard.unfinished', { level: evaluation.nextLevel ?? 1 })}</Text>
                    <Button size="xs" variant="default" onClick={() => void go(evaluation.nextLevel ?? 1)}>
                      {t('solutions.wizard.goToLevel', { level: evaluation.nextLevel ?? 1 })}
                    </Button>
                  </Stack>
                </Alert>
              )}
              {evaluation.missingEvidence.length > 0 ? (
                <Alert color="red" variant="light" title={t('solutions.wizard.missingEvidence')}>
                  <List size="sm">
                    {evaluation.missingEvidence.map((m) => (
                      <List.Item key={`${m.criterion}.${m.field}`}>
                        TRL {m.level}: {t(`trl.criteria.${m.criterion}.text`)} — {t(`validation.${m.code}`)}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
              <List spacing={4} size="sm" listStyleType="none" ps={0}>
                {evaluation.levels
                  .filter((l) => l.state !== 'not_asked')
                  .map((l) => (
                    <List.Item
                      key={l.level}
                      icon={
                        <ThemeIcon
                          size="sm"
                          radius="xl"
                          variant="light"
                          color={l.state === 'met' ? 'green' : l.state === 'not_met' ? 'orange' : 'gray'}
                        >
                          {l.state === 'met' ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
                        </ThemeIcon>
                      }
                    >
                      TRL {l.level} · {levelTitle(l.level)} — {t(`solutions.wizard.states.${l.state}`)}
                    </List.Item>
                  ))}
              </List>
              <Stack gap={4}>
                <Text size="sm" fw={600} id="confidence-label">
                  {t('solutions.wizard.confidence')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('solutions.wizard.confidenceHelp')}
                </Text>
                <Slider
                  min={1}
                  max={5}
                  step={1}
                  value={confidence ?? 3}
                  disabled={completed}
                  onChange={(v) => {
                    dirty.current = true
                    setConfidence(v)
                    setErrors((e) => ({ ...e, confidence: '' }))
                  }}
                  marks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))}
                  label={(v) => t(`solutions.wizard.confidenceLevels.${v}`)}
                  thumbLabel={t('solutions.wizard.confidence')}
                  mb="lg"
                />
                <Text size="sm" aria-live="polite">
                  {confidence === null
                    ? t('solutions.wizard.confidenceNone')
                    : t(`solutions.wizard.confidenceLevels.${confidence}`)}
                </Text>
                {errors.confidence ? (
                  <Text c="red" size="sm" role="alert">
                    {errors.confidence}
                  </Text>
                ) : null}
              </Stack>
              {completeError && !(isApiError(completeError) && completeError.fieldErrors.length > 0) ? (
                <ErrorAlert error={completeError} />
              ) : null}
              {errors.answers ? (
                <Text c="red" size="sm" role="alert">
                  {errors.answers}
                </Text>
              ) : null}
              <Group justify="space-between" wrap="wrap">
                <Button variant="default" onClick={() => void go(Math.min(maxLevel, 9))}>
                  {t('solutions.wizard.backToLevels')}
                </Button>
                {!completed ? (
                  <Group gap="xs">
                    <Button variant="default" onClick={() => void save()} loading={saveState.state === 'saving'}>
                      {t('solutions.wizard.saveDraft')}
                    </Button>
                    <Button onClick={complete} loading={completing} disabled={!evaluation.finished}>
                      {t('solutions.wizard.complete')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              {props.assessment.updatedAt ? (
                <Text size="xs" c="dimmed">
                  {t('solutions.wizard.startedOn', { date: f.date(props.assessment.createdAt) })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  )
}

const fieldId = (key: string) => `trl-${key.replace(/\./g, '-')}`

function SaveStatus({ state, at }: { state: string; at?: Date }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Text size="xs" c="dimmed" aria-live="polite">
      {state === 'saving'
        ? t('solutions.wizard.saving')
        : state === 'saved' && at
          ? t('solutions.wizard.savedAt', { time: f.dateTime(at) })
          : state === 'error'
            ? t('solutions.wizard.notSaved')
            : ''}
    </Text>
  )
}

function CriterionField(props: {
  id: string
  dimension: string
  value: AnswerState
  errors: Record<string, string>
  disabled: boolean
  onChange: (patch: Partial<AnswerState>) => void
  upload: (file: File) => Promise<void>
}) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const [uploading, setUploading] = useState(false)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const v = props.value
  const err = (field: string) => props.errors[`${props.id}.${field}`] || undefined
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      className={classes.criterion}
      data-answer={v.met === null ? 'open' : v.met ? 'yes' : 'no'}
    >
      <Stack gap="sm">
        <Badge variant="light" color="gray" size="sm">
          {props.dimension}
        </Badge>
        <Radio.Group
          id={fieldId(`${props.id}.met`)}
          label={t(`trl.criteria.${props.id}.text`)}
          description={t(`trl.criteria.${props.id}.help`)}
          value={v.met === null ? '' : v.met ? 'yes' : 'no'}
          onChange={(x) => props.onChange({ met: x === 'yes' })}
          error={err('met')}
          required
          readOnly={props.disabled}
        >
          <Group mt="xs" gap="lg">
            <Radio value="yes" label={t('solutions.wizard.yes')} disabled={props.disabled} />
            <Radio value="no" label={t('solutions.wizard.no')} disabled={props.disabled} />
          </Group>
        </Radio.Group>
        {v.met ? (
          <Stack gap="xs" className={classes.evidence}>
            <Textarea
              id={fieldId(`${props.id}.evidenceText`)}
              label={t('solutions.wizard.evidenceText')}
              description={t('solutions.wizard.evidenceTextHelp')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={v.evidenceText}
              onChange={(e) => props.onChange({ evidenceText: e.currentTarget.value })}
              error={err('evidenceText')}
              disabled={props.disabled}
            />
            <TextInput
              id={fieldId(`${props.id}.evidenceUrl`)}
              label={t('solutions.wizard.evidenceUrl')}
              description={t('solutions.wizard.evidenceUrlHelp')}
              placeholder="https://"
              type="url"
              maxLength={2000}
              value={v.evidenceUrl}
              onChange={(e) => props.onChange({ evidenceUrl: e.currentTarget.value })}
              error={err('evidenceUrl')}
              disabled={props.disabled}
            />
            <Group gap="xs" wrap="wrap">
              {v.evidenceFile ? (
                <Group gap={4} wrap="nowrap">
                  <IconFileText size={16} aria-hidden />
                  <Text size="sm">{v.evidenceFile.filename}</Text>
                  {!props.disabled ? (
                    <CloseButton
                      size="sm"
                      aria-label={t('solutions.wizard.removeFile', { name: v.evidenceFile.filename })}
                      onClick={() => props.onChange({ evidenceFileId: null, evidenceFile: null })}
                    />
                  ) : null}
                </Group>
              ) : null}
              {!props.disabled ? (
                <FileButton
                  accept="application/pdf,image/png,image/jpeg,image/webp"
                  onChange={async (file) => {
                    if (!file) return
                    setUploadError(null)
                    if (file.size > 10 * 1024 * 1024) {
                      setUploadError(t('solutions.media.tooLarge', { max: 10 }))
                      return
                    }
                    setUploading(true)
                    try {
                      await props.upload(file)
                    } catch (e) {
                      const fe = isApiError(e) ? e.fieldErrors[0] : undefined
                      setUploadError(fe ? t(`validation.${fe.code}`) : message(e))
                    } finally {
                      setUploading(false)
                    }
                  }}
                >
                  {(p) => (
                    <Button
                      {...p}
                      size="xs"
                      variant="default"
                      loading={uploading}
                      leftSection={<IconUpload size={14} aria-hidden />}
                    >
                      {v.evidenceFile ? t('solutions.wizard.replaceFile') : t('solutions.wizard.uploadFile')}
                    </Button>
                  )}
                </FileButton>
              ) : null}
            </Group>
            {uploadError ? (
              <Text c="red" size="sm" role="alert">
                {uploadError}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  )
}
