import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplicantProfile, RelationKind } from '../../../shared/contracts/profiles.ts'
import { isApiError } from '../../app/api.ts'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import { ErrorAlert, translateValidation } from '../../design-system/forms.tsx'

interface RelationRow {
  key: number
  relation: RelationKind | ''
  name: string
  country: string
  sharePercent: number | string
  headcount: number | string
  annualTurnover: number | string
  balanceSheet: number | string
}
type RowField = Exclude<keyof RelationRow, 'key'>
type RowErrors = Partial<Record<RowField, string>>

let nextKey = 1
const blank = (): RelationRow => ({
  key: nextKey++,
  relation: '',
  name: '',
  country: '',
  sharePercent: '',
  headcount: '',
  annualTurnover: '',
  balanceSheet: '',
})
const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v))
const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6

/** Server paths of the relations list → the editor's field names. */
const serverField: Record<string, RowField> = {
  relation: 'relation',
  name: 'name',
  country: 'country',
  sharePercent: 'sharePercent',
  headcount: 'headcount',
  annualTurnoverCents: 'annualTurnover',
  balanceSheetCents: 'balanceSheet',
}

/**
 * The partner and linked enterprises, edited as a list of rows (add, remove) and saved as a whole; each
 * save recomputes the SME status. Errors show next to their field, checked here first with the same
 * rules as the server, then by the server.
 */
export function RelationsEditor({
  profile,
  editable,
  onSave,
}: {
  profile: ApplicantProfile
  editable: boolean
  onSave: (items: ReturnType<typeof toInput>) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const [rows, setRows] = useState<RelationRow[]>(() =>
    profile.relations.map((r) => ({
      key: nextKey++,
      relation: r.relation,
      name: r.name,
      country: r.country,
      sharePercent: r.sharePercent,
      headcount: r.headcount,
      annualTurnover: r.annualTurnoverCents / 100,
      balanceSheet: r.balanceSheetCents / 100,
    })),
  )
  const [errors, setErrors] = useState<Record<number, RowErrors>>({})
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const tr = (code: string) => translateValidation(t, (k) => i18n.exists(k), { code, message: code })

  const set = (key: number, patch: Partial<RelationRow>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)))
    setErrors((es) => {
      const e = { ...(es[key] ?? {}) }
      for (const k of Object.keys(patch)) delete e[k as RowField]
      return { ...es, [key]: e }
    })
  }

  const check = (): boolean => {
    const out: Record<number, RowErrors> = {}
    for (const r of rows) {
      const e: RowErrors = {}
      if (!r.relation) e.relation = tr('required')
      if (r.name.trim() === '') e.name = tr('required')
      if (!r.country) e.country = tr('required')
      const share = num(r.sharePercent)
      if (Number.isNaN(share)) e.sharePercent = tr('required')
      else if (share < 0 || share > 100) e.sharePercent = tr('percent_range')
      for (const f of ['headcount', 'annualTurnover', 'balanceSheet'] as const) {
        const v = num(r[f])
        if (Number.isNaN(v)) e[f] = tr('required')
        else if (v < 0) e[f] = tr('not_negative')
        else if (!hundredths(v)) e[f] = tr('two_decimals')
      }
      if (Object.keys(e).length > 0) out[r.key] = e
    }
    setErrors(out)
    return Object.keys(out).length === 0
  }

  const save = async () => {
    setError(null)
    if (!check()) return
    setSaving(true)
    try {
      await onSave(toInput(rows))
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length > 0) {
        const out: Record<number, RowErrors> = {}
        let placed = true
        for (const fe of e.fieldErrors) {
          const m = /^items\.(\d+)\.(\w+)/.exec(fe.path)
          const row = m ? rows[Number(m[1])] : undefined
          const field = m ? serverField[m[2]!] : undefined
          if (!row || !field) {
            placed = false
            continue
          }
          out[row.key] = { ...(out[row.key] ?? {}), [field]: tr(fe.code) }
        }
        setErrors(out)
        if (!placed) setError(e)
      } else setError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="relations-title">
      <Title order={2} size="h3" id="relations-title" mb={4}>
        {t('profiles.relations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('profiles.relations.help')}
      </Text>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {rows.length === 0 ? <Text c="dimmed">{t('profiles.relations.none')}</Text> : null}
        {rows.map((r, i) => {
          const e = errors[r.key] ?? {}
          const label = t('profiles.relations.row', { n: i + 1 })
          return (
            <Card key={r.key} withBorder padding="md" role="group" aria-labelledby={`relation-${r.key}`}>
              <Group justify="space-between" mb="xs">
                <Text component="h3" fw={700} fz="md" m={0} id={`relation-${r.key}`}>
                  {label}
                  {r.name.trim() ? ` · ${r.name.trim()}` : ''}
                </Text>
                {editable ? (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    aria-label={t('profiles.relations.removeRow', { n: i + 1 })}
                  >
                    {t('profiles.relations.remove')}
                  </Button>
                ) : null}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                <Select
                  label={t('profiles.relations.kind')}
                  required
                  disabled={!editable}
                  data={(['partner', 'linked'] as const).map((k) => ({
                    value: k,
                    label: t(`profiles.relations.kinds.${k}`),
                  }))}
                  value={r.relation || null}
                  onChange={(v) => set(r.key, { relation: (v ?? '') as RelationKind | '' })}
                  error={e.relation}
                />
                <TextInput
                  label={t('profiles.relations.name')}
                  required
                  disabled={!editable}
                  value={r.name}
                  onChange={(ev) => set(r.key, { name: ev.currentTarget.value })}
                  error={e.name}
                />
                <CountrySelect
                  label={t('profiles.relations.country')}
                  required
                  disabled={!editable}
                  value={r.country || null}
                  onChange={(v) => set(r.key, { country: v ?? '' })}
                  error={e.country}
                />
                <NumberInput
                  label={t('profiles.relations.share')}
                  description={t('profiles.relations.shareHelp')}
                  required
                  disabled={!editable}
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix=" %"
                  value={r.sharePercent}
                  onChange={(v) => set(r.key, { sharePercent: v })}
                  error={e.sharePercent}
                />
                <NumberInput
                  label={t('profiles.fields.headcount')}
                  required
                  disabled={!editable}
                  min={0}
                  decimalScale={2}
                  value={r.headcount}
                  onChange={(v) => set(r.key, { headcount: v })}
                  error={e.headcount}
                />
                <NumberInput
                  label={t('profiles.fields.annualTurnover')}
                  required
                  disabled={!editable}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=" "
                  prefix="€ "
                  value={r.annualTurnover}
                  onChange={(v) => set(r.key, { annualTurnover: v })}
                  error={e.annualTurnover}
                />
                <NumberInput
                  label={t('profiles.fields.balanceSheet')}
                  required
                  disabled={!editable}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=" "
                  prefix="€ "
                  value={r.balanceSheet}
                  onChange={(v) => set(r.key, { balanceSheet: v })}
                  error={e.balanceSheet}
                />
              </SimpleGrid>
            </Card>
          )
        })}
        {editable ? (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows((rs) => [...rs, blank()])}
            >
              {t('profiles.relations.add')}
            </Button>
            <Button onClick={save} loading={saving}>
              {t('profiles.relations.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  )
}

function toInput(rows: RelationRow[]) {
  return rows.map((r) => ({
    relation: r.relation as RelationKind,
    name: r.name.trim(),
    country: r.country as ApplicantProfile['relations'][number]['country'],
    sharePercent: num(r.sharePercent),
    headcount: num(r.headcount),
    annualTurnoverCents: Math.round(num(r.annualTurnover) * 100),
    balanceSheetCents: Math.round(num(r.balanceSheet) * 100),
  }))
}
