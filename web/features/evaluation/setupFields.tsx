import { Checkbox, NumberInput, Stack, Title } from '@mantine/core'
import { createContext, type ReactNode, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationSettingsInput, EvaluationSettingsView } from '../../../shared/contracts/evaluation.ts'

type Settings = EvaluationSettingsInput
type FieldOf<T> = { [K in keyof Settings]: Settings[K] extends T ? K : never }[keyof Settings]
export type NumberField = FieldOf<number>
export type BooleanField = FieldOf<boolean>

/** The settings form being edited: the draft, its setter, the server's field errors by path, the view. */
export interface SettingsForm {
  draft: Settings
  set: <K extends keyof Settings>(k: K, v: Settings[K]) => void
  update: (fn: (draft: Settings) => Settings) => void
  errors: Record<string, string>
  view: EvaluationSettingsView
}

const FormContext = createContext<SettingsForm | null>(null)
export const SettingsFormProvider = FormContext.Provider

export function useSettingsForm(): SettingsForm {
  const form = useContext(FormContext)
  if (!form) throw new Error('useSettingsForm outside the settings form')
  return form
}

/** A titled part of the settings form (a region named by its heading). */
export function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  )
}

/** A number of the settings, labelled `evaluation.setup.<field>`, with its field error. */
export function SettingNumber(props: {
  field: NumberField
  min: number
  max: number
  step?: number
  decimalScale?: number
  description?: string
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const { draft, set, errors } = useSettingsForm()
  const { field, ...rest } = props
  return (
    <NumberInput
      label={t(`evaluation.setup.${field}`)}
      {...rest}
      value={draft[field]}
      onChange={(v) => set(field, typeof v === 'number' ? v : 0)}
      error={errors[field]}
    />
  )
}

/** A yes/no of the settings, labelled `evaluation.setup.<field>`, with its field error. */
export function SettingCheckbox(props: { field: BooleanField; description?: string; disabled?: boolean }) {
  const { t } = useTranslation()
  const { draft, set, errors } = useSettingsForm()
  const { field, ...rest } = props
  return (
    <Checkbox
      label={t(`evaluation.setup.${field}`)}
      {...rest}
      checked={draft[field]}
      onChange={(e) => set(field, e.currentTarget.checked)}
      error={errors[field]}
    />
  )
}
