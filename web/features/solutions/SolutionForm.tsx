import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type IpStatus,
  ipStatuses,
  pitchMax,
  type Solution,
  type SolutionType,
  type SolutionVisibility,
  solutionLanguages,
  solutionNameMax,
  solutionTypes,
  solutionVisibilities,
  targetUserGroups,
} from '../../../shared/contracts/solutions.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { type TagOption, TagPicker } from '../use-cases/TagPicker.tsx'
import { useProgrammeRefs } from '../use-cases/useDomains.ts'
import { solutionKeys, solutionsApi } from './client.ts'
import { ReferencesEditor } from './ReferencesEditor.tsx'

export interface ReferenceValues {
  clientType: string
  country: string
  year: number | string
  description: string
}

export interface SolutionFormValues {
  organisationId: string
  name: string
  pitch: string
  type: SolutionType
  visibility: SolutionVisibility
  ipStatus: IpStatus
  targetTrl: string | null
  /** 'auto' lets the server detect the language. */
  language: string
  content: { description: string; problem: string; targetUsers: string[]; references: ReferenceValues[] }
  domainIds: string[]
  challengeIds: string[]
  tags: string[]
}

export function toFormValues(s: Solution | undefined, organisationId = ''): SolutionFormValues {
  return {
    organisationId: s?.owner.id ?? organisationId,
    name: s?.name ?? '',
    pitch: s?.pitch ?? '',
    type: s?.type ?? 'software',
    visibility: s?.visibility ?? 'public',
    ipStatus: s?.ipStatus ?? 'proprietary',
    targetTrl: s?.targetTrl != null ? String(s.targetTrl) : null,
    language: s?.languageDeclared ? s.language : 'auto',
    content: {
      description: s?.content.description ?? '',
      problem: s?.content.problem ?? '',
      targetUsers: s?.content.targetUsers ?? [],
      references: (s?.content.references ?? []).map((r) => ({ ...r })),
    },
    domainIds: s?.domains.map((d) => d.id) ?? [],
    challengeIds: s?.challenges.map((c) => c.id) ?? [],
    tags: s?.tags.map((x) => x.id) ?? [],
  }
}

/** The values as the API takes them. */
export function toPayload(v: SolutionFormValues) {
  return {
    name: v.name,
    pitch: v.pitch,
    type: v.type,
    visibility: v.visibility,
    ipStatus: v.ipStatus,
    targetTrl: v.targetTrl ? Number(v.targetTrl) : null,
    language: v.language === 'auto' ? null : (v.language as (typeof solutionLanguages)[number]),
    content: {
      description: v.content.description,
      problem: v.content.problem,
      targetUsers: v.content.targetUsers as (typeof targetUserGroups)[number][],
      references: v.content.references.map((r) => ({
        clientType: r.clientType as 'other',
        country: r.country as 'FR',
        year: Number(r.year),
        description: r.description,
      })),
    },
    domainIds: v.domainIds,
    challengeIds: v.challengeIds,
    tags: v.tags,
  }
}

interface SolutionFormProps {
  initial?: Solution
  organisations?: { value: string; label: string }[]
  defaultOrganisation?: string
  submitLabel: string
  onSubmit: (values: SolutionFormValues) => Promise<unknown>
  onCancel?: () => void
  /** After a 409: save these values over the newer revision. */
  onOverwrite?: (values: SolutionFormValues) => Promise<unknown>
  /** After a 409: drop the changes and load the newer revision. */
  onReload?: () => void
}

/** The solution form in sections; the server's field errors appear next to their fields. */
export function SolutionForm(props: SolutionFormProps) {
  const { t } = useTranslation()
  const serverErrors = useServerErrors()
  const { domains } = useProgrammeRefs()
  const challenges = useQuery({
    queryKey: solutionKeys.challenges,
    queryFn: solutionsApi.challenges,
    staleTime: 60_000,
  })
  const [known, setKnown] = useState<TagOption[]>(
    props.initial?.tags.map((x) => ({ id: x.id, name: x.name, taxonomyId: x.taxonomyId })) ?? [],
  )
  const form = useForm<SolutionFormValues>({
    mode: 'controlled',
    initialValues: toFormValues(props.initial, props.defaultOrganisation ?? props.organisations?.[0]?.value ?? ''),
    validate: {
      organisationId: (v) => (props.organisations && !v ? t('validation.required') : null),
      name: (v) =>
        v.trim().length < 2
          ? t('validation.too_short', { minimum: 2 })
          : v.length > solutionNameMax
            ? t('validation.too_long', { maximum: solutionNameMax })
            : null,
      pitch: (v) =>
        v.trim().length === 0
          ? t('validation.required')
          : v.length > pitchMax
            ? t('validation.too_long', { maximum: pitchMax })
            : null,
      content: {
        references: {
          country: (v) => (v ? null : t('validation.required')),
          description: (v) => (v.trim() ? null : t('validation.required')),
          year: (v) => {
            const n = Number(v)
            return v === '' || !Number.isInteger(n) || n < 1980 || n > 2100
              ? t('validation.between', { minimum: 1980, maximum: 2100 })
              : null
          },
        },
      },
    },
  })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const stale = isApiError(error) && error.code === 'solution_revision_conflict'

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await fn()
      setError(null)
    } catch (e) {
      const placed = serverErrors(form, e)
      setError(placed ? null : e)
    } finally {
      setBusy(false)
    }
  }
  const submit = form.onSubmit((values) => run(() => props.onSubmit(values)))

  const challengeOptions = (challenges.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }))
  // A challenge chosen earlier and unpublished since stays selectable.
  for (const c of props.initial?.challenges ?? [])
    if (!challengeOptions.some((o) => o.value === c.id))
      challengeOptions.push({ value: c.id, label: `${c.code} · ${c.title}` })
  const area = (path: string, label: string, help?: string, max?: number) => (
    <Textarea
      label={label}
      description={help}
      autosize
      minRows={3}
      maxRows={14}
      maxLength={max}
      {...form.getInputProps(path)}
    />
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {stale ? (
          <Alert color="orange" variant="light" role="alert" title={t('solutions.stale.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('solutions.stale.text')}</Text>
              <Group gap="xs">
                {props.onOverwrite ? (
                  <Button size="xs" loading={busy} onClick={() => run(() => props.onOverwrite!(form.getValues()))}>
                    {t('solutions.stale.overwrite')}
                  </Button>
                ) : null}
                {props.onReload ? (
                  <Button size="xs" variant="default" onClick={props.onReload} disabled={busy}>
                    {t('solutions.stale.reload')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        <Fieldset legend={t('solutions.sections.general')}>
          <Stack>
            {props.organisations ? (
              <Select
                label={t('solutions.organisation')}
                required
                allowDeselect={false}
                data={props.organisations}
                {...form.getInputProps('organisationId')}
              />
            ) : null}
            <TextInput
              label={t('solutions.fields.name')}
              required
              maxLength={solutionNameMax}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('solutions.fields.pitch')}
              description={t('solutions.fields.pitchHelp', { count: form.values.pitch.length, max: pitchMax })}
              required
              maxLength={pitchMax}
              {...form.getInputProps('pitch')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('solutions.fields.type')}
                description={t('solutions.fields.typeHelp')}
                required
                allowDeselect={false}
                data={solutionTypes.map((x) => ({ value: x, label: t(`solutions.types.${x}`) }))}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('solutions.fields.language')}
                description={t('solutions.fields.languageHelp')}
                allowDeselect={false}
                data={[
                  { value: 'auto', label: t('solutions.languages.auto') },
                  ...solutionLanguages.map((l) => ({ value: l, label: t(`solutions.languages.${l}`) })),
                ]}
                {...form.getInputProps('language')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('solutions.sections.description')}>
          <Stack>
            {area(
              'content.description',
              t('solutions.fields.description'),
              t('solutions.fields.descriptionHelp'),
              10000,
            )}
            {area('content.problem', t('solutions.fields.problem'), undefined, 5000)}
            <MultiSelect
              label={t('solutions.fields.targetUsers')}
              data={targetUserGroups.map((g) => ({ value: g, label: t(`solutions.targetUsers.${g}`) }))}
              clearable
              {...form.getInputProps('content.targetUsers')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('solutions.sections.programme')}>
          <Stack>
            <MultiSelect
              label={t('solutions.fields.domains')}
              data={domains}
              clearable
              {...form.getInputProps('domainIds')}
            />
            <MultiSelect
              label={t('solutions.fields.challenges')}
              description={t('solutions.fields.challengesHelp')}
              data={challengeOptions}
              searchable
              clearable
              nothingFoundMessage={t('common.noMatch')}
              {...form.getInputProps('challengeIds')}
            />
            <TagPicker
              label={t('solutions.fields.tags')}
              description={t('solutions.fields.tagsHelp')}
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
        <Fieldset legend={t('solutions.sections.maturity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('solutions.fields.targetTrl')}
              description={t('solutions.fields.targetTrlHelp')}
              clearable
              data={Array.from({ length: 9 }, (_, i) => ({
                value: String(i + 1),
                label: `TRL ${i + 1} · ${t(`trl.levels.${i + 1}.title`)}`,
              }))}
              {...form.getInputProps('targetTrl')}
            />
            <Select
              label={t('solutions.fields.ipStatus')}
              allowDeselect={false}
              data={ipStatuses.map((x) => ({ value: x, label: t(`solutions.ip.${x}`) }))}
              {...form.getInputProps('ipStatus')}
            />
          </SimpleGrid>
        </Fieldset>
        <ReferencesEditor form={form} />
        <Radio.Group label={t('solutions.fields.visibility')} required {...form.getInputProps('visibility')}>
          <Stack gap="sm" mt="xs">
            {solutionVisibilities.map((v) => (
              <Radio
                key={v}
                value={v}
                label={t(`solutions.visibility.${v}`)}
                description={t(`solutions.visibilityHelp.${v}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  )
}
