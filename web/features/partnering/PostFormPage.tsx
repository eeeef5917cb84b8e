import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { callPage } from '../../../shared/contracts/calls.ts'
import { publicChallengePage } from '../../../shared/contracts/challenges.ts'
import {
  type PartneringPost,
  partneringKinds,
  partneringLimits,
  partneringPostInput,
} from '../../../shared/contracts/partnering.ts'
import { countryCodes } from '../../../shared/countries.ts'
import { request } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { type TagOption, TagPicker } from '../use-cases/TagPicker.tsx'
import { partneringApi, partneringKeys } from './api.ts'

const editRoute = getRouteApi('/app/partnering/posts/$postId/edit')

/** The form's values: the contract's input, with the expiry as a datetime-local value (the viewer's zone). */
const formSchema = partneringPostInput.extend({
  expiresAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'required'),
})

/** An ISO instant ↔ `2026-12-31T17:00` in the viewer's zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
type Values = z.input<typeof formSchema>

function PostForm({ post }: { post?: PartneringPost }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const serverErrors = useServerErrors()
  const { data: me } = useMe()
  const orgs = (me?.memberships ?? []).map((m) => m.organisation)
  const [known, setKnown] = useState<TagOption[]>(post?.tags ?? [])
  const calls = useQuery({
    queryKey: ['partnering', 'calls'],
    queryFn: () => request('GET', '/api/v1/calls', { query: { pageSize: 50 }, schema: callPage }),
    staleTime: 60_000,
  })
  const challenges = useQuery({
    queryKey: ['partnering', 'challenges'],
    queryFn: () =>
      request('GET', '/api/v1/challenges', { query: { pageSize: 50, sort: 'code' }, schema: publicChallengePage }),
    staleTime: 60_000,
  })
  const countries = useMemo(
    () =>
      countryCodes
        .map((c) => ({ value: c, label: f.country(c) }))
        .sort((a, b) => a.label.localeCompare(b.label, f.locale)),
    [f],
  )
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      organisationId: orgs[0]?.id ?? '',
      kind: post?.kind ?? 'technology_offer',
      title: post?.title ?? '',
      description: post?.description ?? '',
      expertiseOffered: post?.expertiseOffered ?? '',
      expertiseSought: post?.expertiseSought ?? '',
      tags: post?.tags.map((x) => x.id) ?? [],
      countriesWanted: post?.countriesWanted ?? [],
      callId: post?.call?.id ?? null,
      challengeId: post?.challenge?.id ?? null,
      expiresAt: toLocalInput(post?.expiresAt ?? new Date(Date.now() + 60 * 86_400_000).toISOString()),
      anonymous: post?.anonymous ?? false,
    },
    validate: useZodValidate(formSchema),
  })
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, expiresAt: new Date(v.expiresAt).toISOString() }
      if (!post) return partneringApi.create(body)
      const { organisationId: _, ...patch } = body
      return partneringApi.update(post.id, patch)
    },
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: partneringKeys.all })
      navigate({ to: '/app/partnering/posts/$postId', params: { postId: saved.id } })
    },
    onError: (e) => serverErrors(form, e),
  })
  const callOptions = (calls.data?.items ?? [])
    .filter((c) => c.phase === 'open' || c.phase === 'scheduled' || c.id === post?.call?.id)
    .map((c) => ({ value: c.id, label: `${c.code} — ${localized(c.title, i18n.language)}` }))
  const challengeOptions = (challenges.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Paper withBorder p="md" radius="md">
        <Stack>
          {!post && orgs.length > 1 ? (
            <Select
              label={t('partnering.fields.organisation')}
              required
              allowDeselect={false}
              data={orgs.map((o) => ({ value: o.id, label: o.shortName ?? o.legalName }))}
              {...form.getInputProps('organisationId')}
            />
          ) : null}
          <Select
            label={t('partnering.fields.kind')}
            required
            allowDeselect={false}
            data={partneringKinds.map((k) => ({ value: k, label: t(`partnering.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('partnering.fields.title')}
            required
            maxLength={partneringLimits.title}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('partnering.fields.description')}
            description={t('partnering.form.descriptionHelp')}
            required
            autosize
            minRows={5}
            maxLength={partneringLimits.description}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('partnering.fields.expertiseOffered')}
              autosize
              minRows={2}
              maxLength={partneringLimits.expertise}
              {...form.getInputProps('expertiseOffered')}
            />
            <Textarea
              label={t('partnering.fields.expertiseSought')}
              autosize
              minRows={2}
              maxLength={partneringLimits.expertise}
              {...form.getInputProps('expertiseSought')}
            />
          </SimpleGrid>
          <TagPicker
            label={t('partnering.fields.tags')}
            value={form.values.tags ?? []}
            known={known}
            error={form.errors.tags}
            onChange={(ids, chosen) => {
              setKnown((k) => [...k, ...chosen.filter((c) => !k.some((x) => x.id === c.id))])
              form.setFieldValue('tags', ids)
            }}
          />
          <MultiSelect
            label={t('partnering.fields.countriesWanted')}
            description={t('partnering.form.countriesHelp')}
            searchable
            clearable
            data={countries}
            maxValues={partneringLimits.countries}
            {...form.getInputProps('countriesWanted')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('partnering.fields.call')}
              description={t('partnering.form.callHelp')}
              clearable
              searchable
              data={callOptions}
              {...form.getInputProps('callId')}
            />
            <Select
              label={t('partnering.fields.challenge')}
              clearable
              searchable
              data={challengeOptions}
              {...form.getInputProps('challengeId')}
            />
          </SimpleGrid>
          <TextInput
            type="datetime-local"
            label={t('partnering.fields.expiresAt')}
            description={t('partnering.form.expiresHelp')}
            required
            {...form.getInputProps('expiresAt')}
          />
          <Checkbox
            label={t('partnering.fields.anonymous')}
            description={t('partnering.form.anonymousHelp')}
            {...form.getInputProps('anonymous', { type: 'checkbox' })}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {post ? t('common.save') : t('partnering.form.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  )
}

export function NewPostPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader
        title={t('partnering.form.newTitle')}
        description={t('partnering.form.newDescription')}
        above={
          <AnchorLink to="/app/partnering/mine" size="sm">
            ← {t('partnering.tabs.mine')}
          </AnchorLink>
        }
      />
      <PostForm />
    </>
  )
}

export function EditPostPage() {
  const { t } = useTranslation()
  const { postId } = editRoute.useParams()
  const q = useQuery({ queryKey: partneringKeys.post(postId), queryFn: () => partneringApi.get(postId) })
  return (
    <>
      <PageHeader
        title={t('partnering.form.editTitle')}
        above={
          <AnchorLink to="/app/partnering/posts/$postId" params={{ postId }} size="sm">
            ← {q.data?.title ?? t('partnering.market.title')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={q.error} />
      {q.data ? <PostForm post={q.data} /> : q.isLoading ? <Skeleton height={400} /> : null}
    </>
  )
}
