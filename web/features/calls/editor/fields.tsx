import { NumberInput, type NumberInputProps, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { useForm } from '@mantine/form'
import { type ReactNode, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Problem } from './validate.ts'
import { type CallFormValues, textLanguages } from './values.ts'

/** The call editor's form (paths are strings: the config is too deep for typed paths). */
export type CallForm = ReturnType<typeof useForm<CallFormValues>>

export function bind(form: CallForm, path: string) {
  return form.getInputProps(path as never)
}
export function setField(form: CallForm, path: string, value: unknown) {
  form.setFieldValue(path as never, value as never)
}
/** The value at a dotted path of the form's values. */
export function valueAt<T>(form: CallForm, path: string): T {
  let v: unknown = form.getValues()
  for (const key of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[key]
  return v as T
}
export function errorAt(form: CallForm, path: string): ReactNode {
  return form.errors[path] ?? null
}

/** A validation problem in words: the calls' own codes first, then the shared validation and error codes. */
export function useProblemText() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (p: Problem): string => {
      for (const key of [`calls.validation.${p.code}`, `validation.${p.code}`, `errors.${p.code}`])
        if (i18n.exists(key)) return t(key, p.params ?? {})
      return t('validation.invalid')
    },
    [t, i18n],
  )
}

/** One input per language (English required, French and Dutch optional translations). */
export function LocalizedFields(props: {
  form: CallForm
  path: string
  label: string
  description?: string
  multiline?: boolean
  required?: boolean
  maxLength?: number
}) {
  const { t } = useTranslation()
  const { form, path } = props
  return (
    <SimpleGrid cols={{ base: 1, md: props.multiline ? 1 : 3 }} spacing="sm">
      {textLanguages.map((lang) => {
        const common = {
          label: t('calls.fields.inLanguage', { field: props.label, language: t(`calls.languages.${lang}`) }),
          description: lang === 'en' ? props.description : undefined,
          required: props.required && lang === 'en',
          maxLength: props.maxLength,
          ...bind(form, `${path}.${lang}`),
        }
        return props.multiline ? (
          <Textarea key={lang} autosize minRows={2} maxRows={10} {...common} />
        ) : (
          <TextInput key={lang} {...common} />
        )
      })}
    </SimpleGrid>
  )
}

type NumberProps = Omit<NumberInputProps, 'value' | 'onChange' | 'error' | 'form'> & { form: CallForm; path: string }

/** A number that may be left empty (stored as null). */
export function NullableNumberField({ form, path, ...rest }: NumberProps) {
  const value = valueAt<number | null>(form, path)
  return (
    <NumberInput
      {...rest}
      value={value ?? ''}
      error={errorAt(form, path)}
      onChange={(v) => setField(form, path, v === '' || v === null ? null : Number(v))}
    />
  )
}

/** A required number (empty shows as empty and fails validation as "required"). */
export function NumberField({ form, path, ...rest }: NumberProps) {
  const value = valueAt<number | null>(form, path)
  return (
    <NumberInput
      {...rest}
      value={value ?? ''}
      error={errorAt(form, path)}
      onChange={(v) => setField(form, path, v === '' ? null : Number(v))}
    />
  )
}

/** An amount typed in euros, stored in integer cents (empty = null). */
export function MoneyField({ form, path, ...rest }: NumberProps) {
  const { i18n } = useTranslation()
  const cents = valueAt<number | null>(form, path)
  const comma = i18n.language !== 'en'
  return (
    <NumberInput
      {...rest}
      prefix="€ "
      min={0}
      decimalScale={2}
      thousandSeparator={comma ? ' ' : ','}
      decimalSeparator={comma ? ',' : '.'}
      value={cents === null || cents === undefined ? '' : cents / 100}
      error={errorAt(form, path)}
      onChange={(v) => setField(form, path, v === '' || v === null ? null : Math.round(Number(v) * 100))}
    />
  )
}
