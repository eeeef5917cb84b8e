import { Checkbox, Radio, Select, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localized } from '../../../design-system/format.ts'
import { asStrings, asText, type FieldProps } from './types.ts'

/** Up to this many options are shown as radio buttons; more as a searchable list. */
const RADIO_LIMIT = 6

export function SingleChoiceField(props: FieldProps<'single_choice', string | null | undefined>) {
  const { t, i18n } = useTranslation()
  const q = props.question
  const options = q.options.map((o) => ({ value: o.id, label: localized(o.label, i18n.language) }))
  const value = asText(props.value ?? undefined) || null
  if (options.length > RADIO_LIMIT)
    return (
      <Select
        id={props.inputId}
        label={props.label}
        description={props.help}
        required={q.required}
        data={options}
        value={value}
        searchable
        clearable={!props.readOnly}
        readOnly={props.readOnly}
        nothingFoundMessage={t('common.noMatch')}
        error={props.error}
        onChange={(v) => props.onChange(v ?? null)}
        onBlur={props.onBlur}
        maw={480}
      />
    )
  return (
    <Radio.Group
      id={props.inputId}
      label={props.label}
      description={props.help}
      required={q.required}
      value={value}
      error={props.error}
      readOnly={props.readOnly}
      onChange={(v) => props.onChange(v || null)}
      onBlur={props.onBlur}
    >
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} disabled={props.readOnly} />
        ))}
      </Stack>
    </Radio.Group>
  )
}

export function MultipleChoiceField(props: FieldProps<'multiple_choice', string[] | undefined>) {
  const { t } = useTranslation()
  const { i18n } = useTranslation()
  const q = props.question
  const value = asStrings(props.value)
  const bounds =
    q.maxSelected !== null && q.minSelected > 0
      ? t('applications.form.chooseBetween', { min: q.minSelected, max: q.maxSelected })
      : q.maxSelected !== null
        ? t('applications.form.chooseAtMost', { count: q.maxSelected })
        : q.minSelected > 0
          ? t('applications.form.chooseAtLeast', { count: q.minSelected })
          : null
  return (
    <Checkbox.Group
      id={props.inputId}
      label={props.label}
      description={[props.help, bounds].filter(Boolean).join(' · ') || undefined}
      required={q.required}
      value={value}
      error={props.error}
      readOnly={props.readOnly}
      onChange={(v) => props.onChange(v)}
      onBlur={props.onBlur}
    >
      <Stack gap="xs" mt="xs">
        {q.options.map((o) => (
          <Checkbox key={o.id} value={o.id} label={localized(o.label, i18n.language)} disabled={props.readOnly} />
        ))}
      </Stack>
    </Checkbox.Group>
  )
}
