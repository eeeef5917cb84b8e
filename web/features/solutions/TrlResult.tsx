import { Alert, Button, Card, List, Slider, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TrlEvaluation, TrlQuestionnaire, TrlWindow } from '../../../shared/contracts/trl.ts'
import { TrlFitBadge, useLevelTitle } from './labels.tsx'
import type { Answers } from './trlAnswers.ts'

/**
 * The outcome of the self-assessment: the level reached (or where to continue), missing evidence, each
 * level's state; the badge against `trlWindow`, the programme's (its latest published call's, else 5–8).
 */
export function TrlResult({
  evaluation,
  levels,
  answers,
  go,
  trlWindow,
}: {
  evaluation: TrlEvaluation
  levels: TrlQuestionnaire['levels']
  answers: Answers
  go: (level: number) => Promise<void>
  trlWindow: TrlWindow
}) {
  const { t } = useTranslation()
  const levelTitle = useLevelTitle()
  const stoppedCriterion =
    evaluation.stoppedAt !== null
      ? levels.find((l) => l.level === evaluation.stoppedAt)?.criteria.find((c) => answers[c.id]?.met === false)
      : undefined
  return (
    <>
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
                fits={evaluation.resultLevel >= trlWindow.min && evaluation.resultLevel <= trlWindow.max}
                window={trlWindow}
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
    </>
  )
}

/** The applicant's confidence in the self-assessment, from 1 to 5. */
export function TrlConfidence({
  confidence,
  disabled,
  error,
  onChange,
}: {
  confidence: number | null
  disabled: boolean
  error: string | undefined
  onChange: (value: number) => void
}) {
  const { t } = useTranslation()
  return (
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
        disabled={disabled}
        onChange={onChange}
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
      {error ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  )
}
