import { Button, Card, Collapse, Group, Select, Stack, Text, Title } from '@mantine/core'
import { IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type FormSection, type QuestionType, questionTypes } from '../../../../../shared/contracts/call-form.ts'
import { type CallForm, errorAt, LocalizedFields } from '../fields.tsx'
import { ListControls } from '../ListControls.tsx'
import { allQuestions, nextId } from '../values.ts'
import { newQuestion } from './factory.ts'
import { QuestionRow } from './QuestionRow.tsx'

/** The error messages at or under a path, as one string (a memo key and a "has errors" test). */
export function errorsUnder(errors: Record<string, unknown>, path: string): string {
  return Object.entries(errors)
    .filter(([k]) => k === path || k.startsWith(`${path}.`))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('|')
}

interface SectionCardProps {
  form: CallForm
  index: number
  section: FormSection
  sectionCount: number
  lang: string
  /** The open question, when it is in this section. */
  open: string | null
  /** The error messages under this section (see errorsUnder). */
  errors: string
  onOpen: (questionId: string | null) => void
}

/**
 * One section of the application form: its title and description, and its questions in order.
 * Memoised on its own data (see QuestionRow): typing in one section does not re-render the others.
 */
export const SectionCard = memo(SectionCardView, (a, b) => {
  if (b.open !== null) return false
  return (
    a.open === b.open &&
    a.index === b.index &&
    a.sectionCount === b.sectionCount &&
    a.lang === b.lang &&
    a.errors === b.errors &&
    JSON.stringify(a.section) === JSON.stringify(b.section)
  )
})

function SectionCardView(props: SectionCardProps) {
  const { t } = useTranslation()
  const { form, index: si, section: s } = props
  const path = `config.form.sections.${si}`
  const [details, setDetails] = useState(false)
  const [type, setType] = useState<QuestionType>('short_text')
  const title = s.title[props.lang] || s.title.en || t('calls.builder.sectionN', { n: si + 1 })
  const errors = form.errors

  const addQuestion = () => {
    const id = nextId(
      'q',
      allQuestions(form.getValues().config).map((q) => q.id),
    )
    form.insertListItem(`${path}.questions` as never, newQuestion(type, id) as never)
    props.onOpen(id)
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`section-${s.id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h5" id={`section-${s.id}-title`}>
            {t('calls.builder.sectionTitle', { n: si + 1, title })}
          </Title>
          <ListControls
            id={`section-${s.id}`}
            index={si}
            count={props.sectionCount}
            name={t('calls.builder.sectionName', { name: title })}
            onMove={(from, to) => form.reorderListItem('config.form.sections' as never, { from, to })}
            onRemove={() => form.removeListItem('config.form.sections' as never, si)}
            removeDisabled={props.sectionCount === 1}
          />
        </Group>
        <Group>
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={details}
            leftSection={
              details ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />
            }
            onClick={() => setDetails((d) => !d)}
            color={errorsUnder(errors, `${path}.title`) ? 'red' : undefined}
            styles={{ root: { height: 'auto', minHeight: 30 }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            {t('calls.builder.sectionDetails')}
          </Button>
        </Group>
        <Collapse expanded={details}>
          {details ? (
            <Stack gap="sm">
              <LocalizedFields
                form={form}
                path={`${path}.title`}
                label={t('calls.builder.sectionTitleField')}
                required
                maxLength={200}
              />
              <LocalizedFields
                form={form}
                path={`${path}.description`}
                label={t('calls.builder.sectionDescription')}
                multiline
              />
            </Stack>
          ) : null}
        </Collapse>
        {errorAt(form, `${path}.questions`) ? (
          <Text size="sm" c="red.8">
            {errorAt(form, `${path}.questions`)}
          </Text>
        ) : null}
        <Stack gap="xs">
          {s.questions.map((q, qi) => (
            <QuestionRow
              key={q.id}
              form={form}
              sectionIndex={si}
              index={qi}
              count={s.questions.length}
              question={q}
              lang={props.lang}
              open={props.open === q.id}
              errors={errorsUnder(errors, `${path}.questions.${qi}`)}
              onOpen={props.onOpen}
            />
          ))}
        </Stack>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('calls.builder.newQuestionType')}
            allowDeselect={false}
            w={240}
            data={questionTypes.map((x) => ({ value: x, label: t(`calls.questionTypes.${x}`) }))}
            value={type}
            onChange={(v) => v && setType(v as QuestionType)}
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={addQuestion}
            disabled={s.questions.length >= 60}
            aria-label={t('calls.builder.addQuestion', { section: title })}
          >
            {t('calls.builder.addQuestionShort')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
