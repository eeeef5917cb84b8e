import { MultiSelect, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FormQuestion } from '../../../../../shared/contracts/call-form.ts'
import { type CallForm, errorAt, setField } from '../fields.tsx'
import { isChoice } from './factory.ts'

/**
 * "Show this question only when <choice question> is any of <options>". The question it depends on
 * must come before it in the form (in reading order) and be a single or multiple choice.
 */
export function ConditionEditor(props: {
  form: CallForm
  path: string
  question: FormQuestion
  /** Every question before this one, in form order. */
  earlier: FormQuestion[]
  lang: string
}) {
  const { t } = useTranslation()
  const { form, path, question: q } = props
  const candidates = props.earlier.filter(isChoice)
  const label = (x: FormQuestion) => x.label[props.lang] || x.label.en || x.id
  const target = candidates.find((c) => c.id === q.condition?.questionId)
  const enable = (on: boolean) => {
    const first = candidates[0]
    setField(form, `${path}.condition`, on && first ? { questionId: first.id, anyOf: [] } : null)
  }
  return (
    <Stack gap="xs">
      <Switch
        label={t('calls.builder.conditional')}
        description={candidates.length === 0 ? t('calls.builder.conditionalNone') : t('calls.builder.conditionalHelp')}
        checked={q.condition !== null}
        disabled={candidates.length === 0 && q.condition === null}
        onChange={(e) => enable(e.currentTarget.checked)}
      />
      {q.condition ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('calls.builder.conditionQuestion')}
            required
            allowDeselect={false}
            data={candidates.map((c) => ({ value: c.id, label: label(c) }))}
            value={q.condition.questionId}
            error={errorAt(form, `${path}.condition.questionId`)}
            onChange={(v) => v && setField(form, `${path}.condition`, { questionId: v, anyOf: [] })}
          />
          <MultiSelect
            label={t('calls.builder.conditionOptions')}
            required
            data={(target?.options ?? []).map((o) => ({
              value: o.id,
              label: o.label[props.lang] || o.label.en || o.id,
            }))}
            value={q.condition.anyOf}
            error={errorAt(form, `${path}.condition.anyOf`)}
            onChange={(v) => setField(form, `${path}.condition.anyOf`, v)}
          />
        </SimpleGrid>
      ) : null}
      {q.condition && !target ? (
        <Text size="sm" c="red.8">
          {t('calls.validation.condition_target')}
        </Text>
      ) : null}
    </Stack>
  )
}
