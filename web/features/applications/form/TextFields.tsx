import { Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { textLength } from '../../../../shared/calls/form-checks.ts'
import { useFormat } from '../../../design-system/format.ts'
import { asText, type FieldProps } from './types.ts'

/** Characters as the rules engine counts them (code points, surrounding spaces ignored). */
export function charCount(text: string): number {
  return textLength(text.trim())
}

/** "120 / 3,000 characters", red when out of bounds; part of the field's description (read with it). */
export function CharCounter({ count, min, max }: { count: number; min?: number; max: number }) {
  const { t } = useTranslation()
  const f = useFormat()
  const over = count > max
  const under = min !== undefined && min > 0 && count > 0 && count < min
  return (
    <Text component="span" size="xs" c={over || under ? 'red' : 'dimmed'} fw={over || under ? 600 : undefined}>
      {min && min > 0
        ? t('applications.form.counterMin', { count, min: f.number(min), max: f.number(max) })
        : t('applications.form.counter', { count: f.number(count), max: f.number(max) })}
      {over ? ` · ${t('applications.form.overBy', { count: f.number(count - max) })}` : null}
    </Text>
  )
}

function describe(help: string | null, counter: ReactNode): ReactNode {
  return (
    <Stack gap={2} component="span">
      {help ? <span>{help}</span> : null}
      <Group component="span" gap={0}>
        {counter}
      </Group>
    </Stack>
  )
}

export function ShortTextField(props: FieldProps<'short_text', string | undefined>) {
  const { question: q } = props
  const value = asText(props.value)
  return (
    <TextInput
      id={props.inputId}
      label={props.label}
      description={describe(props.help, <CharCounter count={charCount(value)} max={q.maxLength} />)}
      required={q.required}
      value={value}
      error={props.error}
      readOnly={props.readOnly}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onBlur={props.onBlur}
    />
  )
}

export function LongTextField(props: FieldProps<'long_text', string | undefined>) {
  const { question: q } = props
  const value = asText(props.value)
  return (
    <Textarea
      id={props.inputId}
      label={props.label}
      description={describe(props.help, <CharCounter count={charCount(value)} min={q.minLength} max={q.maxLength} />)}
      required={q.required}
      value={value}
      error={props.error}
      readOnly={props.readOnly}
      autosize
      minRows={4}
      maxRows={20}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onBlur={props.onBlur}
    />
  )
}
