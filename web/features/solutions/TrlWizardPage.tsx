import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrlAssessment, TrlEvaluation, TrlQuestionnaire, TrlWindow } from '../../../shared/contracts/trl.ts'
import { isApiError } from '../../app/api.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { fileToBase64, solutionKeys, solutionsApi } from './client.ts'
import { useLevelTitle } from './labels.tsx'
import { TrlCriterionField } from './TrlCriterion.tsx'
import { TrlLevelStepper } from './TrlLevelStepper.tsx'
import { TrlConfidence, TrlResult } from './TrlResult.tsx'
import { type AnswerState, type Answers, blank, fieldId, isUrl, reachable, SUMMARY, toInput } from './trlAnswers.ts'

const route = getRouteApi('/app/solutions/$solutionId/trl/$assessmentId')

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
      trlWindow={solution.data.programmeTrlWindow}
      assessment={assessment.data}
      questionnaire={questionnaire.data}
      back={back}
    />
  )
}

function Wizard(props: {
  solutionId: string
  solutionName: string
  trlWindow: TrlWindow
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
        <TrlLevelStepper
          levels={q.levels}
          answers={answers}
          step={step}
          maxLevel={maxLevel}
          progress={progress}
          saveState={saveState}
          go={go}
        />

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
                <TrlCriterionField
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
              <TrlResult
                evaluation={evaluation}
                levels={q.levels}
                answers={answers}
                go={go}
                trlWindow={props.trlWindow}
              />
              <TrlConfidence
                confidence={confidence}
                disabled={completed}
                error={errors.confidence}
                onChange={(v) => {
                  dirty.current = true
                  setConfidence(v)
                  setErrors((e) => ({ ...e, confidence: '' }))
                }}
              />
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
