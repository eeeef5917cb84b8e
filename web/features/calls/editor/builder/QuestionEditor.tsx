import { Checkbox, Divider, Group, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type FormQuestion, type FormSection, questionTypes } from '../../../../../shared/contracts/call-form.ts'
import { type CallForm, LocalizedFields, setField } from '../fields.tsx'
import { ConditionEditor } from './ConditionEditor.tsx'
import { newQuestion, semanticsFor } from './factory.ts'
import { TypeSettings } from './TypeSettings.tsx'

/** Everything about one question: words, type and its settings, who answers, meaning, condition. */
export function QuestionEditor(props: {
  form: CallForm
  sectionIndex: number
  questionIndex: number
  question: FormQuestion
  sections: FormSection[]
  earlier: FormQuestion[]
  lang: string
  onMoveToSection: (to: number) => void
}) {
  const { t } = useTranslation()
  const { form, question: q } = props
  const path = `config.form.sections.${props.sectionIndex}.questions.${props.questionIndex}`
  const semantics = semanticsFor(q.type)
  const changeType = (type: string | null) => {
    if (!type || type === q.type) return
    setField(form, path, newQuestion(type as FormQuestion['type'], q.id, q))
  }
  const sectionLabel = (s: FormSection, i: number) =>
    s.title[props.lang] || s.title.en || t('calls.builder.sectionN', { n: i + 1 })
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('calls.builder.questionId', { id: q.id })}
      </Text>
      <LocalizedFields form={form} path={`${path}.label`} label={t('calls.builder.label')} required maxLength={300} />
      <LocalizedFields form={form} path={`${path}.help`} label={t('calls.builder.help')} multiline maxLength={2000} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('calls.builder.type')}
          allowDeselect={false}
          data={questionTypes.map((x) => ({ value: x, label: t(`calls.questionTypes.${x}`) }))}
          value={q.type}
          onChange={changeType}
        />
        {semantics.length > 0 ? (
          <Select
            label={t('calls.builder.semantic')}
            description={t('calls.builder.semanticHelp')}
            clearable
            placeholder={t('calls.builder.semanticNone')}
            data={semantics.map((s) => ({ value: s, label: t(`calls.semantics.${s}`) }))}
            {...form.getInputProps(`${path}.semantic` as never)}
          />
        ) : null}
      </SimpleGrid>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Checkbox
          label={t('calls.builder.required')}
          {...form.getInputProps(`${path}.required` as never, { type: 'checkbox' })}
        />
        <Radio.Group label={t('calls.builder.scope')} {...form.getInputProps(`${path}.scope` as never)}>
          <Group gap="md" mt={6}>
            <Radio value="shared" label={t('calls.scopes.shared')} />
            <Radio value="partner" label={t('calls.scopes.partner')} />
          </Group>
        </Radio.Group>
        {props.sections.length > 1 ? (
          <Select
            label={t('calls.builder.section')}
            allowDeselect={false}
            w={260}
            data={props.sections.map((s, i) => ({ value: String(i), label: sectionLabel(s, i) }))}
            value={String(props.sectionIndex)}
            onChange={(v) => v !== null && Number(v) !== props.sectionIndex && props.onMoveToSection(Number(v))}
          />
        ) : null}
      </Group>
      <Divider label={t('calls.builder.settings')} labelPosition="left" />
      <TypeSettings form={form} path={path} question={q} />
      <Divider label={t('calls.builder.condition')} labelPosition="left" />
      <ConditionEditor form={form} path={path} question={q} earlier={props.earlier} lang={props.lang} />
    </Stack>
  )
}
