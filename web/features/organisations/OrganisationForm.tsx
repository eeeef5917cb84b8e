import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Organisation, organisationInput, organisationTypes } from '../../../shared/contracts/organisations.ts'
import { isApiError } from '../../app/api.ts'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import { ErrorAlert, useErrorMessage, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'

export interface OrganisationFormValues {
  legalName: string
  shortName: string
  legalForm: string
  country: string
  registrationNumber: string
  website: string
  type: string
  description: string
}

export function toFormValues(o?: Organisation): OrganisationFormValues {
  return {
    legalName: o?.legalName ?? '',
    shortName: o?.shortName ?? '',
    legalForm: o?.legalForm ?? '',
    country: o?.country ?? '',
    registrationNumber: o?.registrationNumber ?? '',
    website: o?.website ?? '',
    type: o?.type ?? '',
    description: o?.description ?? '',
  }
}

interface OrganisationFormProps {
  initial?: Organisation
  submitLabel: string
  onSubmit: (values: OrganisationFormValues) => Promise<unknown>
  onCancel?: () => void
}

/** The organisation's legal data, validated with the same contract as the server (organisationInput). */
export function OrganisationForm({ initial, submitLabel, onSubmit, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation()
  const validate = useZodValidate(organisationInput)
  const serverErrors = useServerErrors()
  const message = useErrorMessage()
  const form = useForm<OrganisationFormValues>({ mode: 'controlled', initialValues: toFormValues(initial), validate })
  const [error, setError] = useState<unknown>(null)

  const submit = form.onSubmit(async (values) => {
    form.setSubmitting(true)
    try {
      await onSubmit(values)
      setError(null)
    } catch (e) {
      const placed = serverErrors(form, e)
      if (isApiError(e) && e.code === 'registration_number_taken') {
        form.setFieldError('registrationNumber', message(e))
        setError(null)
      } else setError(placed ? null : e)
    } finally {
      form.setSubmitting(false)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organisations.fields.legalName')}
            required
            autoComplete="organization"
            {...form.getInputProps('legalName')}
          />
          <TextInput label={t('organisations.fields.shortName')} {...form.getInputProps('shortName')} />
          <Select
            label={t('organisations.fields.type')}
            required
            data={organisationTypes.map((v) => ({ value: v, label: t(`organisationTypes.${v}`) }))}
            {...form.getInputProps('type')}
          />
          <CountrySelect label={t('organisations.fields.country')} required {...form.getInputProps('country')} />
          <TextInput
            label={t('organisations.fields.legalForm')}
            description={t('organisations.fields.legalFormHelp')}
            {...form.getInputProps('legalForm')}
          />
          <TextInput
            label={t('organisations.fields.registrationNumber')}
            description={t('organisations.fields.registrationNumberHelp')}
            {...form.getInputProps('registrationNumber')}
          />
        </SimpleGrid>
        <TextInput
          label={t('organisations.fields.website')}
          description={t('organisations.fields.websiteHelp')}
          type="url"
          autoComplete="url"
          {...form.getInputProps('website')}
        />
        <Textarea
          label={t('organisations.fields.description')}
          autosize
          minRows={4}
          maxRows={12}
          {...form.getInputProps('description')}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={form.submitting}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  )
}
