import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconExternalLink, IconInfoCircle } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ApplicantProfile,
  type ApplicantProfileInput,
  descriptionLanguages,
  type ProfileVisibility,
  profileVisibilities,
} from '../../../shared/contracts/profiles.ts'
import { isApiError, queryKeys } from '../../app/api.ts'
import { ErrorAlert, translateValidation } from '../../design-system/forms.tsx'
import { type TagOption, TagPicker } from '../use-cases/TagPicker.tsx'
import { LogoField } from './LogoField.tsx'
import { profileApi, profileKeys } from './profile-client.ts'
import { RelationsEditor } from './RelationsEditor.tsx'
import { SmeResult } from './SmeResult.tsx'
import { useOrganisation } from './useOrganisation.ts'

/**
 * The "Applicant profile" tab: the SME result with its reasoning, the figures, partner and linked
 * enterprises, visibility of the identity, description and expertise, and the logo. Owners and
 * admins edit; other members read.
 */
export function ApplicantProfilePage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const { organisationId } = useOrganisation()
  const query = useQuery({
    queryKey: profileKeys.profile(organisationId),
    queryFn: () => profileApi.get(organisationId),
  })
  const p = query.data
  if (query.isLoading) return <Skeleton height={300} />
  if (!p) return <ErrorAlert error={query.error} />
  const editable = p.abilities.update?.allowed === true

  const saved = async (next: ApplicantProfile, message: string) => {
    queryClient.setQueryData(profileKeys.profile(organisationId), next)
    await queryClient.invalidateQueries({ queryKey: queryKeys.organisation(organisationId) })
    notifications.show({ color: 'green', message })
  }

  return (
    <Stack gap="lg">
      <SmeResult profile={p} />
      {!editable ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('profiles.readOnly')}
        </Alert>
      ) : null}
      <ProfileForm
        key={p.organisationId}
        profile={p}
        editable={editable}
        onSave={async (body) => saved(await profileApi.save(organisationId, body), t('profiles.saved'))}
      />
      <RelationsEditor
        key={`${p.organisationId}-${p.relations.map((r) => r.id).join()}`}
        profile={p}
        editable={editable}
        onSave={async (items) =>
          saved(await profileApi.saveRelations(organisationId, { items }), t('profiles.relations.saved'))
        }
      />
      <LogoField
        profile={p}
        editable={editable}
        onUpload={async (file, data) =>
          saved(await profileApi.uploadLogo(organisationId, file.name, data), t('profiles.logo.saved'))
        }
        onRemove={async () => {
          await profileApi.removeLogo(organisationId)
          await query.refetch()
          notifications.show({ color: 'green', message: t('profiles.logo.removed') })
        }}
      />
    </Stack>
  )
}

interface ProfileFormValues {
  headcount: number | string
  annualTurnover: number | string
  balanceSheet: number | string
  financialYear: number | string
  foundedYear: number | string
  region: string
  publicBodyControl: boolean
  visibility: ProfileVisibility
  description: string
  descriptionLanguage: ApplicantProfileInput['descriptionLanguage']
  tagIds: string[]
}

const empty = (v: number | string) => v === '' || v === null || v === undefined
const asNumber = (v: number | string) => (empty(v) ? null : Number(v))
const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6

/** The form's own checks, with the server's codes (so a message reads the same from both). */
export function checkProfileForm(v: ProfileFormValues, thisYear: number): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const f of ['headcount', 'annualTurnover', 'balanceSheet'] as const) {
    const n = asNumber(v[f])
    if (n === null) continue
    if (Number.isNaN(n)) errors[f] = 'invalid_type'
    else if (n < 0) errors[f] = 'not_negative'
    else if (!hundredths(n)) errors[f] = 'two_decimals'
  }
  const founded = asNumber(v.foundedYear)
  const financial = asNumber(v.financialYear)
  if (founded !== null && (founded < 1800 || !Number.isInteger(founded))) errors.foundedYear = 'invalid_year'
  else if (founded !== null && founded > thisYear) errors.foundedYear = 'future_year'
  if (financial !== null && (financial < 1900 || !Number.isInteger(financial))) errors.financialYear = 'invalid_year'
  else if (financial !== null && financial > thisYear) errors.financialYear = 'future_year'
  else if (financial !== null && founded !== null && financial < founded) errors.financialYear = 'before_founding'
  if (v.region.length > 100) errors.region = 'too_long'
  if (v.description.length > 5000) errors.description = 'too_long'
  return errors
}

/** Server field paths → the form's. */
const formField: Record<string, string> = {
  annualTurnoverCents: 'annualTurnover',
  balanceSheetCents: 'balanceSheet',
}

function ProfileForm({
  profile: p,
  editable,
  onSave,
}: {
  profile: ApplicantProfile
  editable: boolean
  onSave: (body: ApplicantProfileInput) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const tr = (code: string) => translateValidation(t, (k) => i18n.exists(k), { code, message: code })
  const [known, setKnown] = useState<TagOption[]>(p.tags)
  const [error, setError] = useState<unknown>(null)
  const form = useForm<ProfileFormValues>({
    mode: 'controlled',
    initialValues: {
      headcount: p.headcount ?? '',
      annualTurnover: p.annualTurnoverCents === null ? '' : p.annualTurnoverCents / 100,
      balanceSheet: p.balanceSheetCents === null ? '' : p.balanceSheetCents / 100,
      financialYear: p.financialYear ?? '',
      foundedYear: p.foundedYear ?? '',
      region: p.region ?? '',
      publicBodyControl: p.publicBodyControl,
      visibility: p.visibility,
      description: p.description,
      descriptionLanguage: p.languageDeclared ? (p.language as ApplicantProfileInput['descriptionLanguage']) : 'auto',
      tagIds: p.tags.map((x) => x.id),
    },
    validate: (values) => {
      const codes = checkProfileForm(values, new Date().getFullYear())
      return Object.fromEntries(Object.entries(codes).map(([k, c]) => [k, tr(c)]))
    },
  })

  const submit = form.onSubmit(async (v) => {
    setError(null)
    form.setSubmitting(true)
    try {
      const euros = (x: number | string) => (empty(x) ? null : Math.round(Number(x) * 100))
      await onSave({
        headcount: asNumber(v.headcount),
        annualTurnoverCents: euros(v.annualTurnover),
        balanceSheetCents: euros(v.balanceSheet),
        financialYear: asNumber(v.financialYear),
        foundedYear: asNumber(v.foundedYear),
        region: v.region,
        publicBodyControl: v.publicBodyControl,
        visibility: v.visibility,
        description: v.description,
        descriptionLanguage: v.descriptionLanguage,
        tagIds: v.tagIds,
      })
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length > 0) {
        let placed = true
        for (const fe of e.fieldErrors) {
          const top = fe.path.split('.')[0] ?? ''
          const field = formField[top] ?? top
          if (field in form.getValues()) form.setFieldError(field, tr(fe.code))
          else placed = false
        }
        if (!placed) setError(e)
      } else setError(e)
    } finally {
      form.setSubmitting(false)
    }
  })

  const moneyProps = { min: 0, decimalScale: 2, thousandSeparator: ' ', prefix: '€ ', disabled: !editable } as const
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="figures-title">
          <Title order={2} size="h3" id="figures-title" mb={4}>
            {t('profiles.figures.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('profiles.figures.help')}
          </Text>
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <NumberInput
              label={t('profiles.fields.headcount')}
              description={t('profiles.fields.headcountHelp')}
              min={0}
              decimalScale={2}
              disabled={!editable}
              {...form.getInputProps('headcount')}
            />
            <NumberInput
              label={t('profiles.fields.annualTurnover')}
              description={t('profiles.fields.moneyHelp')}
              {...moneyProps}
              {...form.getInputProps('annualTurnover')}
            />
            <NumberInput
              label={t('profiles.fields.balanceSheet')}
              description={t('profiles.fields.moneyHelp')}
              {...moneyProps}
              {...form.getInputProps('balanceSheet')}
            />
            <NumberInput
              label={t('profiles.fields.financialYear')}
              description={t('profiles.fields.financialYearHelp')}
              min={1900}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              disabled={!editable}
              {...form.getInputProps('financialYear')}
            />
            <NumberInput
              label={t('profiles.fields.foundedYear')}
              min={1800}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              disabled={!editable}
              {...form.getInputProps('foundedYear')}
            />
            <TextInput label={t('profiles.fields.region')} disabled={!editable} {...form.getInputProps('region')} />
          </SimpleGrid>
          <Checkbox
            mt="md"
            label={t('profiles.fields.publicBodyControl')}
            description={t('profiles.fields.publicBodyControlHelp')}
            disabled={!editable}
            {...form.getInputProps('publicBodyControl', { type: 'checkbox' })}
          />
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="visibility-title">
          <Title order={2} size="h3" id="visibility-title" mb="sm">
            {t('profiles.visibility.title')}
          </Title>
          <Radio.Group
            label={t('profiles.visibility.question')}
            {...form.getInputProps('visibility')}
            onChange={(v) => form.setFieldValue('visibility', v as ProfileVisibility)}
          >
            <Stack gap="sm" mt="xs">
              {profileVisibilities.map((v) => (
                <Radio
                  key={v}
                  value={v}
                  disabled={!editable}
                  label={t(`profiles.visibility.${v}.label`)}
                  description={t(`profiles.visibility.${v}.help`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.visibility === 'anonymous' ? (
            <Alert color="yellow" variant="light" mt="md" icon={<IconInfoCircle aria-hidden />}>
              {t('profiles.visibility.anonymousHint')}
            </Alert>
          ) : null}
          {p.visibility !== 'members' ? (
            <Anchor
              href={`/organisations/${p.publicRef}`}
              target="_blank"
              rel="noopener"
              size="sm"
              mt="md"
              display="inline-flex"
            >
              {t('profiles.visibility.publicPage', { ref: p.publicRef })}
              <IconExternalLink size={14} aria-hidden style={{ marginLeft: 4 }} />
            </Anchor>
          ) : null}
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="about-title">
          <Title order={2} size="h3" id="about-title" mb="sm">
            {t('profiles.about.title')}
          </Title>
          <Stack gap="md">
            <Textarea
              label={t('profiles.about.description')}
              description={t('profiles.about.descriptionHelp')}
              autosize
              minRows={4}
              maxRows={12}
              disabled={!editable}
              {...form.getInputProps('description')}
            />
            <Select
              label={t('profiles.about.language')}
              description={
                p.languageDeclared
                  ? undefined
                  : t('profiles.about.detected', {
                      language: t(`profiles.languages.${p.language}`, { defaultValue: p.language }),
                    })
              }
              disabled={!editable}
              allowDeselect={false}
              data={[
                { value: 'auto', label: t('profiles.about.auto') },
                ...descriptionLanguages.map((l) => ({ value: l, label: t(`profiles.languages.${l}`) })),
              ]}
              {...form.getInputProps('descriptionLanguage')}
            />
            {editable ? (
              <TagPicker
                label={t('profiles.about.expertise')}
                description={t('profiles.about.expertiseHelp')}
                value={form.values.tagIds}
                known={known}
                onChange={(ids, chosen) => {
                  form.setFieldValue('tagIds', ids)
                  setKnown((k) => [...k, ...chosen.filter((c) => !k.some((x) => x.id === c.id))])
                }}
                error={form.errors.tagIds}
              />
            ) : (
              <Text size="sm">
                {t('profiles.about.expertise')}: {p.tags.map((x) => x.name).join(', ') || t('common.notGiven')}
              </Text>
            )}
          </Stack>
        </Card>

        {editable ? (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('profiles.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  )
}
