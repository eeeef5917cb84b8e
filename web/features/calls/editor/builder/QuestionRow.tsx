import { Badge, Button, Group, Paper, Stack } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormQuestion } from '../../../../../shared/contracts/call-form.ts'
import type { CallForm } from '../fields.tsx'
import { ListControls } from '../ListControls.tsx'
import { QuestionEditor } from './QuestionEditor.tsx'

export interface QuestionRowProps {
  form: CallForm
  sectionIndex: number
  index: number
  count: number
  question: FormQuestion
  lang: string
  open: boolean
  /** The error messages under this question, as one string (changes re-render the row). */
  errors: string
  onOpen: (questionId: string | null) => void
}

/**
 * One question of the builder: its label as a toggle, badges, move and remove buttons, and — when
 * open — its editor. Memoised on its own data: the form's values are cloned on every keystroke, and
 * re-rendering every row of a long form each time makes typing slow.
 */
export const QuestionRow = memo(QuestionRowView, (a, b) => {
  if (b.open) return false // an open editor also shows other questions (conditions, sections)
  return (
    a.open === b.open &&
    a.sectionIndex === b.sectionIndex &&
    a.index === b.index &&
    a.count === b.count &&
    a.lang === b.lang &&
    a.errors === b.errors &&
    JSON.stringify(a.question) === JSON.stringify(b.question)
  )
})

function QuestionRowView(props: QuestionRowProps) {
  const { t } = useTranslation()
  const { form, question: q, sectionIndex: si, index: qi } = props
  const path = `config.form.sections.${si}.questions`
  const label = q.label[props.lang] || q.label.en || t('calls.builder.questionN', { n: qi + 1 })
  const invalid = props.errors !== ''
  const sections = form.getValues().config.form.sections
  const moveToSection = (to: number) => {
    form.removeListItem(path as never, qi)
    form.insertListItem(`config.form.sections.${to}.questions` as never, q as never)
  }
  return (
    <Paper withBorder p="sm" radius="sm" style={invalid ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={props.open}
            aria-controls={`question-${q.id}-editor`}
            leftSection={
              props.open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />
            }
            onClick={() => props.onOpen(props.open ? null : q.id)}
            styles={{
              root: { height: 'auto', minHeight: 28 },
              label: { whiteSpace: 'normal', textAlign: 'left' },
            }}
          >
            {label}
          </Button>
          <ListControls
            id={`question-${q.id}`}
            index={qi}
            count={props.count}
            name={t('calls.builder.questionName', { name: label })}
            onMove={(from, to) => form.reorderListItem(path as never, { from, to })}
            onRemove={() => form.removeListItem(path as never, qi)}
          />
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t(`calls.questionTypes.${q.type}`)}
          </Badge>
          {q.required ? <Badge variant="light">{t('calls.builder.requiredBadge')}</Badge> : null}
          {q.scope === 'partner' ? (
            <Badge variant="light" color="grape">
              {t('calls.scopes.partner')}
            </Badge>
          ) : null}
          {q.condition ? (
            <Badge variant="light" color="orange">
              {t('calls.builder.conditionalBadge')}
            </Badge>
          ) : null}
          {invalid ? (
            <Badge variant="filled" color="red">
              {t('calls.builder.hasErrors')}
            </Badge>
          ) : null}
        </Group>
        {props.open ? (
          <div id={`question-${q.id}-editor`}>
            <QuestionEditor
              form={form}
              sectionIndex={si}
              questionIndex={qi}
              question={q}
              sections={sections}
              earlier={[...sections.slice(0, si).flatMap((x) => x.questions), ...sections[si]!.questions.slice(0, qi)]}
              lang={props.lang}
              onMoveToSection={moveToSection}
            />
          </div>
        ) : null}
      </Stack>
    </Paper>
  )
}
