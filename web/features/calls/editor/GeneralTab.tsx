import { Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { bind, type CallForm, LocalizedFields } from './fields.tsx'

/** Code, title and summary of the call, in every language. */
export function GeneralTab({ form, codeLocked }: { form: CallForm; codeLocked: boolean }) {
  const { t } = useTranslation()
  const code = bind(form, 'code')
  return (
    <Stack>
      <TextInput
        label={t('calls.fields.code')}
        description={codeLocked ? t('calls.fields.codeLocked') : t('calls.fields.codeHelp')}
        required
        maxLength={20}
        readOnly={codeLocked}
        {...code}
        onChange={(e) => code.onChange(e.currentTarget.value.toUpperCase())}
        maw={320}
      />
      <LocalizedFields form={form} path="title" label={t('calls.fields.title')} required maxLength={200} />
      <LocalizedFields
        form={form}
        path="summary"
        label={t('calls.fields.summary')}
        description={t('calls.fields.summaryHelp')}
        multiline
        required
        maxLength={2000}
      />
    </Stack>
  )
}
