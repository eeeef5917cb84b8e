import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Challenge, challengeLanguages } from '../../../shared/contracts/challenges.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { TrlRangeFields } from '../../design-system/TrlRangeFields.tsx'
import { type TagOption, TagPicker } from '../use-cases/TagPicker.tsx'
import { useProgrammeRefs } from '../use-cases/useDomains.ts'

export interface ChallengeFormValues {
  domainId: string
  code: string
  slug: string
  title: string
  summary: string
  language: string
  trlMin: string
  trlMax: string
  content: {
    problem: string
    expectedOutcome: string
    requirements: string
    endUserOffers: { testBed: string; data: string; validation: string }
  }
  tagIds: string[]
}

export function toChallengeValues(c?: Partial<Challenge>): ChallengeFormValues {
  return {
    domainId: c?.domain?.id ?? '',
    code: c?.code ?? '',
    slug: c?.slug ?? '',
    title: c?.title ?? '',
    summary: c?.summary ?? '',
    language: c?.language ?? 'en',
    trlMin: c?.trlMin ? String(c.trlMin) : '',
    trlMax: c?.trlMax ? String(c.trlMax) : '',
    content: {
      problem: c?.content?.problem ?? '',
      expectedOutcome: c?.content?.expectedOutcome ?? '',
      requirements: (c?.content?.requirements ?? []).join('\n'),
      endUserOffers: {
        testBed: c?.content?.endUserOffers.testBed ?? '',
        data: c?.content?.endUserOffers.data ?? '',
        validation: c?.content?.endUserOffers.validation ?? '',
      },
    },
    tagIds: c?.tags?.map((x) => x.id) ?? [],
  }
}

/** The values as the API takes them: one requirement a line, TRL as numbers. */
export function toChallengePayload(v: ChallengeFormValues) {
  return {
    domainId: v.domainId,
    code: v.code.trim(),
    slug: v.slug.trim() || undefined,
    title: v.title,
    summary: v.summary,
    language: v.language as (typeof challengeLanguages)[number],
    trlMin: Number(v.trlMin),
    trlMax: Number(v.trlMax),
    content: {
      ...v.content,
      requirements: v.content.requirements
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    tagIds: v.tagIds,
  }
}

interface Props {
  initial: ChallengeFormValues
  knownTags?: TagOption[]
  submitLabel: string
  onSubmit: (v: ChallengeFormValues) => Promise<unknown>
  onCancel?: () => void
}

/** A challenge's public text and metadata; server field errors (code, slug, TRL) appear next to the fields. */
export function ChallengeForm({ initial, knownTags = [], submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation()
  const serverErrors = useServerErrors()
  const { domains } = useProgrammeRefs()
  const [known, setKnown] = useState<TagOption[]>(knownTags)
  const [error, setError] = useState<unknown>(null)
  const required = (v: string) => (v.trim() ? null : t('validation.required'))
  const form = useForm<ChallengeFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      domainId: required,
      code: (v) => (/^D\d{1,2}-C\d{1,3}$/.test(v.trim()) ? null : t('validation.challenge_code_format')),
      title: (v) => (v.trim().length < 3 ? t('validation.too_short', { minimum: 3 }) : null),
      summary: (v) => (v.trim().length < 10 ? t('validation.too_short', { minimum: 10 }) : null),
      trlMin: required,
      trlMax: (v, values) =>
        !v ? t('validation.required') : Number(v) < Number(values.trlMin) ? t('validation.trl_range') : null,
      content: {
        problem: required,
        expectedOutcome: required,
        requirements: required,
      },
    },
  })
  const submit = form.onSubmit(async (values) => {
    form.setSubmitting(true)
    try {
      await onSubmit(values)
      setError(null)
    } catch (e) {
      setError(serverErrors(form, e) ? null : e)
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
        <ErrorAlert error={error} />
        <Fieldset legend={t('challengesAdmin.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('challengesAdmin.fields.domain')}
              required
              data={domains}
              {...form.getInputProps('domainId')}
            />
            <TextInput
              label={t('challengesAdmin.fields.code')}
              description={t('challengesAdmin.fields.codeHelp')}
              required
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('challengesAdmin.fields.slug')}
              description={t('challengesAdmin.fields.slugHelp')}
              {...form.getInputProps('slug')}
            />
            <Select
              label={t('challengesAdmin.fields.language')}
              required
              allowDeselect={false}
              data={challengeLanguages.map((l) => ({ value: l, label: t(`challengesAdmin.languages.${l}`) }))}
              {...form.getInputProps('language')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('challengesAdmin.sections.text')}>
          <Stack>
            <TextInput label={t('challengesAdmin.fields.title')} required {...form.getInputProps('title')} />
            <Textarea
              label={t('challengesAdmin.fields.summary')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('summary')}
            />
            {area('content.problem', t('challengesAdmin.fields.problem'))}
            {area('content.expectedOutcome', t('challengesAdmin.fields.expectedOutcome'))}
            {area(
              'content.requirements',
              t('challengesAdmin.fields.requirements'),
              t('challengesAdmin.fields.requirementsHelp'),
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('challengesAdmin.sections.offers')}>
          <Stack>
            {area('content.endUserOffers.testBed', t('challengesAdmin.fields.testBed'))}
            {area('content.endUserOffers.data', t('challengesAdmin.fields.data'))}
            {area('content.endUserOffers.validation', t('challengesAdmin.fields.validation'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('challengesAdmin.sections.classification')}>
          <Stack>
            <TrlRangeFields min={form.getInputProps('trlMin')} max={form.getInputProps('trlMax')} required />
            <TagPicker
              label={t('useCases.fields.tags')}
              value={form.values.tagIds}
              known={known}
              error={form.errors.tagIds}
              onChange={(ids, chosen) => {
                setKnown((k) => [...k, ...chosen.filter((c) => !k.some((x) => x.id === c.id))])
                form.setFieldValue('tagIds', ids)
              }}
            />
          </Stack>
        </Fieldset>
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
