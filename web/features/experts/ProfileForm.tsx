import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ExpertKind, type ExpertProfile, expertKinds } from '../../../shared/contracts/experts.ts'
import { countryCodes } from '../../../shared/countries.ts'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'

const languageCodes = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
]

interface OrgRow {
  key: number
  organisationId: string | null
  name: string
  country: string | null
  fromYear: number | null
  toYear: number | null
}

export interface ProfileDraft {
  expertise: string
  /** Kept as they are: the page has no tag picker yet (the API sets them). */
  tagIds: string[]
  kind: ExpertKind
  countries: string[]
  languages: string[]
  organisations: Omit<OrgRow, 'key'>[]
  available: boolean
  maxLoad: number
}

let nextKey = 1
const year = (v: string | number) => (typeof v === 'number' ? v : null)

/** The expert profile's fields: expertise, kind, countries, languages, organisations with years, availability. */
export function ProfileForm(props: {
  profile: ExpertProfile | null
  saving: boolean
  error: unknown
  onSave: (draft: ProfileDraft) => void
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const p = props.profile
  const [expertise, setExpertise] = useState(p?.expertise ?? '')
  const [kind, setKind] = useState<ExpertKind>(p?.kind ?? 'technical')
  const [countries, setCountries] = useState<string[]>(p?.countries ?? [])
  const [languages, setLanguages] = useState<string[]>(p?.languages ?? [])
  const [available, setAvailable] = useState(p?.available ?? true)
  const [maxLoad, setMaxLoad] = useState<number>(p?.maxLoad ?? 10)
  const [orgs, setOrgs] = useState<OrgRow[]>(() => (p?.organisations ?? []).map((o) => ({ ...o, key: nextKey++ })))
  const countryData = useMemo(() => countryCodes.map((c) => ({ value: c, label: f.country(c) })), [f])
  const languageNames = useMemo(() => new Intl.DisplayNames([f.locale], { type: 'language' }), [f])
  const languageData = languageCodes.map((c) => ({ value: c, label: languageNames.of(c) ?? c }))
  const patch = (key: number, change: Partial<OrgRow>) =>
    setOrgs((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    props.onSave({
      expertise,
      tagIds: p?.tagIds ?? [],
      kind,
      countries,
      languages,
      available,
      maxLoad,
      organisations: orgs.filter((o) => o.name.trim()).map(({ key: _k, ...o }) => o),
    })
  }
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} aria-labelledby="expert-profile">
      <Stack gap="md">
        <Title order={2} size="h3" id="expert-profile">
          {t('experts.profile.fields')}
        </Title>
        <Textarea
          label={t('experts.profile.expertise')}
          description={t('experts.profile.expertiseHelp')}
          value={expertise}
          onChange={(e) => setExpertise(e.currentTarget.value)}
          autosize
          minRows={4}
          maxLength={5000}
          required
        />
        <Select
          label={t('experts.profile.kind')}
          data={expertKinds.map((k) => ({ value: k, label: t(`experts.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as ExpertKind)}
          allowDeselect={false}
        />
        <Group grow align="flex-start" wrap="wrap">
          <MultiSelect
            label={t('experts.profile.countries')}
            data={countryData}
            value={countries}
            onChange={setCountries}
            searchable
            miw={220}
          />
          <MultiSelect
            label={t('experts.profile.languages')}
            data={languageData}
            value={languages}
            onChange={setLanguages}
            searchable
            miw={220}
          />
        </Group>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Title order={3} size="h5">
              {t('experts.profile.organisations')}
            </Title>
          </legend>
          {orgs.map((o, i) => (
            <Group key={o.key} align="flex-end" wrap="wrap" gap="xs">
              <TextInput
                label={t('experts.profile.orgName')}
                value={o.name}
                onChange={(e) => patch(o.key, { name: e.currentTarget.value, organisationId: null })}
                style={{ flex: '2 1 220px' }}
                required
              />
              <CountrySelect
                label={t('experts.profile.orgCountry')}
                value={o.country}
                onChange={(v) => patch(o.key, { country: v })}
                clearable
                style={{ flex: '1 1 160px' }}
              />
              <NumberInput
                label={t('experts.profile.from')}
                value={o.fromYear ?? ''}
                onChange={(v) => patch(o.key, { fromYear: year(v) })}
                min={1900}
                max={2100}
                w={100}
              />
              <NumberInput
                label={t('experts.profile.to')}
                description={t('experts.profile.toHelp')}
                value={o.toYear ?? ''}
                onChange={(v) => patch(o.key, { toYear: year(v) })}
                min={1900}
                max={2100}
                w={120}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('experts.profile.removeOrg', { n: i + 1 })}
                onClick={() => setOrgs((rows) => rows.filter((r) => r.key !== o.key))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              setOrgs((rows) => [
                ...rows,
                { key: nextKey++, organisationId: null, name: '', country: null, fromYear: null, toYear: null },
              ])
            }
          >
            {t('experts.profile.addOrg')}
          </Button>
        </Stack>
        <Group align="flex-end" wrap="wrap">
          <Checkbox
            label={t('experts.profile.available')}
            checked={available}
            onChange={(e) => setAvailable(e.currentTarget.checked)}
          />
          <NumberInput
            label={t('experts.profile.maxLoad')}
            description={t('experts.profile.maxLoadHelp')}
            value={maxLoad}
            onChange={(v) => setMaxLoad(typeof v === 'number' ? v : 0)}
            min={0}
            max={200}
            w={220}
          />
        </Group>
        <ErrorAlert error={props.error} />
        <Button type="submit" loading={props.saving} w="fit-content">
          {t('experts.profile.save')}
        </Button>
      </Stack>
    </Card>
  )
}
