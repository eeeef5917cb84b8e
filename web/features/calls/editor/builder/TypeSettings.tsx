import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { type FormQuestion, uploadTypes } from '../../../../../shared/contracts/call-form.ts'
import { type CallForm, errorAt, MoneyField, NullableNumberField, NumberField, setField } from '../fields.tsx'
import { ListControls } from '../ListControls.tsx'
import { textLanguages, toTexts } from '../values.ts'
import { newOptionId } from './factory.ts'

const MB = 1024 * 1024

/** The settings of one question type: limits, options, file types and sizes, work plan minimums. */
export function TypeSettings({ form, path, question: q }: { form: CallForm; path: string; question: FormQuestion }) {
  const { t } = useTranslation()
  const int = { allowDecimal: false }
  switch (q.type) {
    case 'short_text':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberField
            form={form}
            path={`${path}.maxLength`}
            label={t('calls.builder.maxLength')}
            min={1}
            max={500}
            {...int}
            required
          />
        </SimpleGrid>
      )
    case 'long_text':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberField
            form={form}
            path={`${path}.minLength`}
            label={t('calls.builder.minLength')}
            min={0}
            max={50000}
            {...int}
            required
          />
          <NumberField
            form={form}
            path={`${path}.maxLength`}
            label={t('calls.builder.maxLength')}
            min={1}
            max={50000}
            {...int}
            required
          />
        </SimpleGrid>
      )
    case 'number':
      return (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NullableNumberField form={form} path={`${path}.min`} label={t('calls.builder.min')} />
            <NullableNumberField form={form} path={`${path}.max`} label={t('calls.builder.max')} />
          </SimpleGrid>
          <Switch
            label={t('calls.builder.integer')}
            {...form.getInputProps(`${path}.integer` as never, { type: 'checkbox' })}
          />
        </Stack>
      )
    case 'money':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <MoneyField form={form} path={`${path}.minCents`} label={t('calls.builder.minAmount')} />
          <MoneyField form={form} path={`${path}.maxCents`} label={t('calls.builder.maxAmount')} />
        </SimpleGrid>
      )
    case 'date':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {(['min', 'max'] as const).map((k) => (
            <TextInput
              key={k}
              type="date"
              label={t(k === 'min' ? 'calls.builder.earliest' : 'calls.builder.latest')}
              value={q[k] ?? ''}
              error={errorAt(form, `${path}.${k}`)}
              onChange={(e) => setField(form, `${path}.${k}`, e.currentTarget.value || null)}
            />
          ))}
        </SimpleGrid>
      )
    case 'single_choice':
    case 'multiple_choice':
      return (
        <Stack gap="sm">
          <OptionsEditor form={form} path={path} question={q} />
          {q.type === 'multiple_choice' ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberField
                form={form}
                path={`${path}.minSelected`}
                label={t('calls.builder.minSelected')}
                min={0}
                {...int}
                required
              />
              <NullableNumberField
                form={form}
                path={`${path}.maxSelected`}
                label={t('calls.builder.maxSelected')}
                description={t('calls.fields.noLimitHelp')}
                min={1}
                {...int}
              />
            </SimpleGrid>
          ) : null}
        </Stack>
      )
    case 'file':
      return (
        <Stack gap="sm">
          <Checkbox.Group
            label={t('calls.builder.accept')}
            description={t('calls.builder.acceptHelp')}
            required
            value={q.accept}
            error={errorAt(form, `${path}.accept`)}
            onChange={(v) =>
              setField(
                form,
                `${path}.accept`,
                uploadTypes.filter((u) => v.includes(u)),
              )
            }
          >
            <Group gap="md" mt="xs">
              {uploadTypes.map((u) => (
                <Checkbox key={u} value={u} label={t(`calls.uploadTypes.${u}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('calls.builder.maxSize')}
              suffix=" MB"
              min={1}
              max={20}
              decimalScale={1}
              required
              value={q.maxBytes / MB}
              error={errorAt(form, `${path}.maxBytes`)}
              onChange={(v) => setField(form, `${path}.maxBytes`, v === '' ? null : Math.round(Number(v) * MB))}
            />
            <NumberField
              form={form}
              path={`${path}.maxFiles`}
              label={t('calls.builder.maxFiles')}
              min={1}
              max={10}
              {...int}
              required
            />
          </SimpleGrid>
        </Stack>
      )
    case 'budget_table':
      return (
        <Text size="sm" c="dimmed">
          {t('calls.builder.budgetTableNote')}
        </Text>
      )
    case 'work_plan':
      return (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberField
            form={form}
            path={`${path}.maxMonths`}
            label={t('calls.builder.maxMonths')}
            min={1}
            max={60}
            {...int}
            required
          />
          <NumberField
            form={form}
            path={`${path}.minMilestones`}
            label={t('calls.builder.minMilestones')}
            min={0}
            {...int}
            required
          />
          <NumberField
            form={form}
            path={`${path}.minDeliverables`}
            label={t('calls.builder.minDeliverables')}
            min={0}
            {...int}
            required
          />
        </SimpleGrid>
      )
  }
}

function OptionsEditor({
  form,
  path,
  question: q,
}: {
  form: CallForm
  path: string
  question: Extract<FormQuestion, { type: 'single_choice' | 'multiple_choice' }>
}) {
  const { t } = useTranslation()
  const add = () =>
    form.insertListItem(
      `${path}.options` as never,
      {
        id: newOptionId(q.options.map((o) => o.id)),
        label: toTexts({ en: '' }),
      } as never,
    )
  return (
    <Stack gap="xs" role="group" aria-labelledby={`${q.id}-options-label`}>
      <Text fw={500} size="sm" id={`${q.id}-options-label`}>
        {t('calls.builder.options')}
      </Text>
      {errorAt(form, `${path}.options`) ? (
        <Text size="sm" c="red.8">
          {errorAt(form, `${path}.options`)}
        </Text>
      ) : null}
      {q.options.map((o, i) => {
        const name = t('calls.builder.optionName', { name: o.label.en || t('calls.builder.optionN', { n: i + 1 }) })
        return (
          <Group key={o.id} align="flex-end" gap="xs" wrap="wrap">
            {textLanguages.map((lang) => (
              <TextInput
                key={lang}
                label={t('calls.builder.optionLabel', { n: i + 1, language: t(`calls.languages.${lang}`) })}
                required={lang === 'en'}
                maxLength={200}
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps(`${path}.options.${i}.label.${lang}` as never)}
              />
            ))}
            <ListControls
              id={`${q.id}-${o.id}`}
              index={i}
              count={q.options.length}
              name={name}
              onMove={(from, to) => form.reorderListItem(`${path}.options` as never, { from, to })}
              onRemove={() => form.removeListItem(`${path}.options` as never, i)}
              removeDisabled={q.options.length <= 2}
            />
          </Group>
        )
      })}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={add}
          disabled={q.options.length >= 50}
        >
          {t('calls.builder.addOption')}
        </Button>
      </Group>
    </Stack>
  )
}
