import { NumberInput, type NumberInputProps, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { intlLocale, useFormat } from '../../../design-system/format.ts'
import { asNumber, asText, type FieldProps } from './types.ts'

/** The thousand and decimal separators of the reader's language. */
export function useSeparators() {
  const { i18n } = useTranslation()
  const parts = new Intl.NumberFormat(intlLocale(i18n.language)).formatToParts(12345.6)
  return {
    thousandSeparator: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimalSeparator: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  }
}

/** "€60,000.00" as the reader writes it. */
export function useEuros() {
  const f = useFormat()
  return (cents: number) => f.number(cents / 100, { style: 'currency', currency: 'EUR' })
}

interface MoneyInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Integer cents, or null when empty. */
  cents: number | null
  onCents: (cents: number | null) => void
}

/** An amount in euros typed with up to two decimals, kept as integer cents. */
export function MoneyInput({ cents, onCents, ...rest }: MoneyInputProps) {
  const sep = useSeparators()
  return (
    <NumberInput
      {...rest}
      value={cents === null ? '' : cents / 100}
      onChange={(v) => onCents(v === '' || v === null ? null : Math.round(Number(v) * 100))}
      decimalScale={2}
      min={0}
      allowNegative={false}
      thousandSeparator={sep.thousandSeparator}
      decimalSeparator={sep.decimalSeparator}
      leftSection="€"
      hideControls
      inputMode="decimal"
    />
  )
}

export function NumberField(props: FieldProps<'number', number | null | undefined>) {
  const { t } = useTranslation()
  const f = useFormat()
  const sep = useSeparators()
  const q = props.question
  const range =
    q.min !== null && q.max !== null
      ? t('applications.form.range', { min: f.number(q.min), max: f.number(q.max) })
      : q.min !== null
        ? t('applications.form.atLeast', { min: f.number(q.min) })
        : q.max !== null
          ? t('applications.form.atMost', { max: f.number(q.max) })
          : null
  const value = asNumber(props.value ?? null)
  return (
    <NumberInput
      id={props.inputId}
      label={props.label}
      description={[props.help, range].filter(Boolean).join(' · ') || undefined}
      required={q.required}
      value={value ?? ''}
      error={props.error}
      readOnly={props.readOnly}
      allowDecimal={!q.integer}
      decimalSeparator={sep.decimalSeparator}
      hideControls={props.readOnly}
      onChange={(v) => props.onChange(v === '' || v === null ? null : Number(v))}
      onBlur={props.onBlur}
      maw={320}
    />
  )
}

export function MoneyField(props: FieldProps<'money', number | null | undefined>) {
  const { t } = useTranslation()
  const euros = useEuros()
  const q = props.question
  const range =
    q.minCents !== null && q.maxCents !== null
      ? t('applications.form.range', { min: euros(q.minCents), max: euros(q.maxCents) })
      : q.minCents !== null
        ? t('applications.form.atLeast', { min: euros(q.minCents) })
        : q.maxCents !== null
          ? t('applications.form.atMost', { max: euros(q.maxCents) })
          : null
  return (
    <MoneyInput
      id={props.inputId}
      label={props.label}
      description={[props.help, range].filter(Boolean).join(' · ') || undefined}
      required={q.required}
      cents={asNumber(props.value ?? null)}
      onCents={(c) => props.onChange(c)}
      error={props.error}
      readOnly={props.readOnly}
      onBlur={props.onBlur}
      maw={320}
    />
  )
}

export function DateField(props: FieldProps<'date', string | null | undefined>) {
  const { t } = useTranslation()
  const f = useFormat()
  const q = props.question
  const range =
    q.min && q.max
      ? t('applications.form.range', { min: f.date(q.min), max: f.date(q.max) })
      : q.min
        ? t('applications.form.atLeast', { min: f.date(q.min) })
        : q.max
          ? t('applications.form.atMost', { max: f.date(q.max) })
          : null
  return (
    <TextInput
      id={props.inputId}
      type="date"
      label={props.label}
      description={[props.help, range].filter(Boolean).join(' · ') || undefined}
      required={q.required}
      value={asText(props.value ?? undefined)}
      min={q.min ?? undefined}
      max={q.max ?? undefined}
      error={props.error}
      readOnly={props.readOnly}
      onChange={(e) => props.onChange(e.currentTarget.value || null)}
      onBlur={props.onBlur}
      maw={240}
    />
  )
}
