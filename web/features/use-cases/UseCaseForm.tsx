import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCalendarEvent, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type Confidentiality,
  confidentialities,
  type UseCase,
  type UseCaseContent,
} from '../../../shared/contracts/use-cases.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { TrlRangeFields } from '../../design-system/TrlRangeFields.tsx'
import { type TagOption, TagPicker } from './TagPicker.tsx'
import { useProgrammeRefs } from './useDomains.ts'

export interface UseCaseFormValues {
  organisationId: string
  title: string
  domainId: string | null
  trlMin: string | null
  trlMax: string | null
  confidentiality: Confidentiality
  content: UseCaseContent
  tags: string[]
}

const emptyContent: UseCaseContent = {
  contextAndThreat: '',
  problemStatement: '',
  stakeholders: '',
  owner: '',
  currentPractice: '',
  gaps: '',
  functionalRequirements: '',
  constraints: { legal: '', ethics: '', interoperability: '', price: '', maintainability: '' },
  successCriteria: '',
  testBed: '',
  dataAvailability: '',
  commitment: { validator: false, firstAdopter: false, notes: '' },
}

export function toFormValues(u: UseCase | undefined, organisationId = ''): UseCaseFormValues {
  return {
    organisationId: u?.organisation.id ?? organisationId,
    title: u?.title ?? '',
    domainId: u?.domainId ?? null,
    trlMin: u?.trlMin != null ? String(u.trlMin) : null,
    trlMax: u?.trlMax != null ? String(u.trlMax) : null,
    confidentiality: u?.confidentiality ?? 'restricted',
    content: u ? { ...emptyContent, ...u.content } : emptyContent,
    tags: u?.tags.map((x) => x.id) ?? [],
  }
}

/** The values as the API takes them (TRL as numbers). */
export function toPayload(v: UseCaseFormValues) {
  return {
    title: v.title,
    domainId: v.domainId || null,
    trlMin: v.trlMin ? Number(v.trlMin) : null,
    trlMax: v.trlMax ? Number(v.trlMax) : null,
    confidentiality: v.confidentiality,
    content: v.content,
    tags: v.tags,
  }
}

interface UseCaseFormProps {
  initial?: UseCase
  organisations?: { value: string; label: string }[]
  /** The workshop the new draft is captured at (shown; the caller sends it). */
  workshop?: { id: string; title: string }
  submitLabel: string
  onSubmit: (values: UseCaseFormValues) => Promise<unknown>
  onCancel?: () => void
  onReload?: () => void
}

/** The use-case template (DOMAIN.md §6) in sections; the server's field errors appear next to their fields. */
export function UseCaseForm({
  initial,
  organisations,
  workshop,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: UseCaseFormProps) {
  const { t } = useTranslation()
  const serverErrors = useServerErrors()
  const { domains } = useProgrammeRefs()
  const [known, setKnown] = useState<TagOption[]>(
    initial?.tags.map((x) => ({ id: x.id, name: x.name, taxonomyId: x.taxonomyId })) ?? [],
  )
  const form = useForm<UseCaseFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(initial, organisations?.[0]?.value ?? ''),
    validate: {
      organisationId: (v) => (organisations && !v ? t('validation.required') : null),
      title: (v) =>
        v.trim().length < 3
          ? t('validation.too_short', { minimum: 3 })
          : v.length > 200
            ? t('validation.too_long', { maximum: 200 })
            : null,
      trlMax: (v, values) =>
        v && values.trlMin && Number(v) < Number(values.trlMin) ? t('validation.trl_range') : null,
    },
  })
  const [error, setError] = useState<unknown>(null)
  const stale = isApiError(error) && error.code === 'use_case_revision_conflict'

  const submit = form.onSubmit(async (values) => {
    form.setSubmitting(true)
    try {
      await onSubmit(values)
      setError(null)
    } catch (e) {
      const placed = serverErrors(form, e)
      setError(placed ? null : e)
    } finally {
      form.setSubmitting(false)
    }
  })

  const area = (path: string, label: string, help?: string) => (
    <Textarea label={label} description={help} autosize minRows={3} maxRows={14} {...form.getInputProps(path)} />
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {stale ? (
          <Alert color="orange" variant="light" role="alert" title={t('useCases.stale.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('useCases.stale.text')}</Text>
              {onReload ? (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={onReload}
                >
                  {t('useCases.stale.reload')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        <Fieldset legend={t('useCases.sections.general')}>
          <Stack>
            {workshop ? (
              <Alert color="blue" variant="light" icon={<IconCalendarEvent size={18} aria-hidden />}>
                <Text size="sm">
                  {t('useCases.capturedAt')}:{' '}
                  <Text span fw={600}>
                    {workshop.title}
                  </Text>
                </Text>
              </Alert>
            ) : initial?.capturedAt ? (
              <Text size="sm">
                {t('useCases.capturedAt')}:{' '}
                <Text span fw={600}>
                  {initial.capturedAt.title}
                </Text>
              </Text>
            ) : null}
            {organisations ? (
              <Select
                label={t('useCases.organisation')}
                required
                allowDeselect={false}
                data={organisations}
                {...form.getInputProps('organisationId')}
              />
            ) : null}
            <TextInput label={t('useCases.fields.title')} required {...form.getInputProps('title')} />
            <Select label={t('useCases.fields.domain')} clearable data={domains} {...form.getInputProps('domainId')} />
            <TagPicker
              label={t('useCases.fields.tags')}
              description={t('useCases.fields.tagsHelp')}
              value={form.values.tags}
              known={known}
              error={form.errors.tags}
              onChange={(ids, chosen) => {
                setKnown((k) => [...k, ...chosen.filter((c) => !k.some((x) => x.id === c.id))])
                form.setFieldValue('tags', ids)
              }}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.context')}>
          <Stack>
            {area(
              'content.contextAndThreat',
              t('useCases.fields.contextAndThreat'),
              t('useCases.fields.contextAndThreatHelp'),
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.problem')}>
          {area('content.problemStatement', t('useCases.fields.problemStatement'))}
        </Fieldset>
        <Fieldset legend={t('useCases.sections.stakeholders')}>
          <Stack>
            {area('content.stakeholders', t('useCases.fields.stakeholders'))}
            {area('content.owner', t('useCases.fields.owner'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.practice')}>
          <Stack>
            {area('content.currentPractice', t('useCases.fields.currentPractice'))}
            {area('content.gaps', t('useCases.fields.gaps'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.requirements')}>
          {area('content.functionalRequirements', t('useCases.fields.functionalRequirements'))}
        </Fieldset>
        <Fieldset legend={t('useCases.sections.constraints')}>
          <Stack>
            {area('content.constraints.legal', t('useCases.fields.legal'))}
            {area('content.constraints.ethics', t('useCases.fields.ethics'))}
            {area('content.constraints.interoperability', t('useCases.fields.interoperability'))}
            {area('content.constraints.price', t('useCases.fields.price'))}
            {area('content.constraints.maintainability', t('useCases.fields.maintainability'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.trl')}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('useCases.fields.trlHelp')}
            </Text>
            <TrlRangeFields min={form.getInputProps('trlMin')} max={form.getInputProps('trlMax')} />
            {area('content.successCriteria', t('useCases.fields.successCriteria'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.testBed')}>
          <Stack>
            {area('content.testBed', t('useCases.fields.testBed'))}
            {area('content.dataAvailability', t('useCases.fields.dataAvailability'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('useCases.sections.commitment')}>
          <Stack>
            <Checkbox
              label={t('useCases.fields.validator')}
              {...form.getInputProps('content.commitment.validator', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('useCases.fields.firstAdopter')}
              {...form.getInputProps('content.commitment.firstAdopter', { type: 'checkbox' })}
            />
            {area('content.commitment.notes', t('useCases.fields.commitmentNotes'))}
          </Stack>
        </Fieldset>
        <Radio.Group label={t('useCases.fields.confidentiality')} required {...form.getInputProps('confidentiality')}>
          <Stack gap="sm" mt="xs">
            {confidentialities.map((c) => (
              <Radio
                key={c}
                value={c}
                label={t(`useCases.confidentiality.${c}`)}
                description={t(`useCases.confidentialityHelp.${c}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
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
