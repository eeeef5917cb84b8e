import { Group, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TrlQuestionnaire } from '../../../shared/contracts/trl.ts'
import { useFormat } from '../../design-system/format.ts'
import classes from './Solutions.module.css'
import { type Answers, SUMMARY } from './trlAnswers.ts'

/** The wizard's progress bar, autosave status and the level-by-level stepper. */
export function TrlLevelStepper({
  levels,
  answers,
  step,
  maxLevel,
  progress,
  saveState,
  go,
}: {
  levels: TrlQuestionnaire['levels']
  answers: Answers
  step: number
  maxLevel: number
  progress: number
  saveState: { state: string; at?: Date }
  go: (level: number) => Promise<void>
}) {
  const { t } = useTranslation()
  return (
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
            {levels.map((l) => {
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
  )
}

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
