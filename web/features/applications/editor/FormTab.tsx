import { Alert, Badge, Button, Group, NativeSelect, NavLink, Paper, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { visibleQuestions } from '../../../../shared/calls/form-checks.ts'
import type { ReadinessIssue } from '../../../../shared/contracts/applications.ts'
import type { ApplicationForm } from '../../../../shared/contracts/call-form.ts'
import { localized } from '../../../design-system/format.ts'
import { QuestionField, questionInputId } from '../form/QuestionField.tsx'
import type { FieldContext } from '../form/types.ts'
import { useIssueText } from './issues.ts'
import type { AnswersDraft } from './useAnswersDraft.ts'

interface FormTabProps {
  form: ApplicationForm
  draft: AnswersDraft
  issues: readonly ReadinessIssue[]
  readOnly: boolean
  sectionId: string
  onSection: (sectionId: string) => void
  /** Questions whose problems are shown next to them (touched, or reached from the readiness panel). */
  shown: ReadonlySet<string>
  onTouched: (questionId: string) => void
  context: FieldContext
  /** Above the sections (the challenge choice). */
  header?: React.ReactNode
}

/** The shared sections of the call's form, one at a time, with a side navigation (a list on phones). */
export function FormTab(props: FormTabProps) {
  const { t, i18n } = useTranslation()
  const issueText = useIssueText()
  const { form, draft } = props
  const visible = visibleQuestions(form, draft.answers)
  const index = Math.max(
    0,
    form.sections.findIndex((s) => s.id === props.sectionId),
  )
  const section = form.sections[index]!
  const errorsIn = (sectionId: string) =>
    props.issues.filter((i) => i.sectionId === sectionId && i.partnerId === null && i.severity === 'error').length
  const title = (i: number) => `${i + 1}. ${localized(form.sections[i]!.title, i18n.language)}`

  const fieldError = (questionId: string): string | null => {
    const server = draft.invalid[questionId]
    if (server) return t(`validation.${server}`, { defaultValue: t('validation.invalid') })
    if (!props.shown.has(questionId)) return null
    const first = props.issues.find((i) => i.questionId === questionId && i.partnerId === null)
    return first ? issueText(first) : null
  }

  const shared = section.questions.filter((q) => q.scope === 'shared' && visible.has(q.id))
  const perPartner = section.questions.filter((q) => q.scope === 'partner')

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Paper withBorder radius="md" p={4} w={220} visibleFrom="lg" style={{ flexShrink: 0 }}>
        <nav aria-label={t('applications.editor.sections')}>
          {form.sections.map((s, i) => {
            const errors = errorsIn(s.id)
            return (
              <NavLink
                key={s.id}
                component="button"
                type="button"
                label={title(i)}
                active={i === index}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => props.onSection(s.id)}
                rightSection={
                  errors > 0 ? (
                    <Badge
                      color="red"
                      variant="light"
                      size="sm"
                      aria-label={t('applications.readiness.errors', { count: errors })}
                    >
                      {errors}
                    </Badge>
                  ) : null
                }
              />
            )
          })}
        </nav>
      </Paper>
      <Stack gap="lg" style={{ flex: 1, minWidth: 0 }}>
        <NativeSelect
          hiddenFrom="lg"
          label={t('applications.editor.section')}
          value={section.id}
          onChange={(e) => props.onSection(e.currentTarget.value)}
          data={form.sections.map((s, i) => {
            const errors = errorsIn(s.id)
            return {
              value: s.id,
              label: errors > 0 ? `${title(i)} (${t('applications.readiness.errors', { count: errors })})` : title(i),
            }
          })}
        />
        {index === 0 ? props.header : null}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="section-title">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={2} size="h3" id="section-title" tabIndex={-1} style={{ outline: 'none' }}>
                {title(index)}
              </Title>
              {section.description ? <Text c="dimmed">{localized(section.description, i18n.language)}</Text> : null}
            </Stack>
            {shared.map((q) => (
              <div key={q.id} data-question={q.id}>
                <QuestionField
                  question={q}
                  value={draft.answers[q.id]}
                  onChange={(v) => draft.setAnswer(q.id, v)}
                  onBlur={() => {
                    props.onTouched(q.id)
                    void draft.flush()
                  }}
                  error={fieldError(q.id)}
                  readOnly={props.readOnly}
                  inputId={questionInputId(q.id)}
                  context={props.context}
                />
              </div>
            ))}
            {shared.length === 0 && perPartner.length === 0 ? (
              <Text c="dimmed">{t('applications.editor.noQuestions')}</Text>
            ) : null}
            {perPartner.length > 0 ? (
              <Alert
                variant="light"
                color="blue"
                icon={<IconUsers aria-hidden />}
                title={t('applications.editor.perPartner')}
              >
                <Stack gap={2}>
                  {perPartner.map((q) => (
                    <Text key={q.id} size="sm">
                      {localized(q.label, i18n.language)}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            ) : null}
          </Stack>
        </Paper>
        <Group justify="space-between">
          {index > 0 ? (
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              onClick={() => props.onSection(form.sections[index - 1]!.id)}
            >
              {t('applications.editor.previous')}
            </Button>
          ) : (
            <span />
          )}
          {index < form.sections.length - 1 ? (
            <Button
              variant="default"
              rightSection={<IconArrowRight size={16} aria-hidden />}
              onClick={() => props.onSection(form.sections[index + 1]!.id)}
            >
              {t('applications.editor.next')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Group>
  )
}
