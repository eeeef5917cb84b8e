import { Select, SimpleGrid } from '@mantine/core'
import type { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'

/** What `form.getInputProps(path)` returns (the type itself is not exported by @mantine/form here). */
type InputProps = ReturnType<ReturnType<typeof useForm>['getInputProps']>

const trlOptions = Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))

/** A technology-readiness range (1–9), as two selects side by side; the form checks min ≤ max. */
export function TrlRangeFields(props: {
  min: InputProps
  max: InputProps
  /** Required fields, or optional ones that can be cleared. */
  required?: boolean
}) {
  const { t } = useTranslation()
  const mode = props.required ? { required: true } : { clearable: true }
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <Select label={t('useCases.fields.trlMin')} {...mode} data={trlOptions} {...props.min} />
      <Select label={t('useCases.fields.trlMax')} {...mode} data={trlOptions} {...props.max} />
    </SimpleGrid>
  )
}
