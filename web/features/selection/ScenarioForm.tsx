import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ScenarioList, scenarioCreate } from '../../../shared/contracts/evaluation-selection.ts'
import { isApiError } from '../../app/api.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, translateValidation } from '../../design-system/forms.tsx'
import { money } from './explain.ts'

interface QuotaRow {
  id: number
  scope: 'challenge' | 'domain'
  key: string | null
  min: number | string
  max: number | string
}

let nextId = 1

const toCents = (v: number | string) => (v === '' ? undefined : Math.round(Number(v) * 100))
const toInt = (v: number | string) => (v === '' ? null : Number(v))

/** The scenario form: name, budget and cap (the call's by default), limit per lead country, quotas editor. */
export function ScenarioForm(props: {
  list: ScenarioList
  saving: boolean
  error: unknown
  onSubmit: (body: ReturnType<typeof scenarioCreate.parse>) => void
}) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const { defaults } = props.list
  const [name, setName] = useState('')
  const [budget, setBudget] = useState<number | string>(defaults.budgetCents / 100)
  const [cap, setCap] = useState<number | string>(defaults.perOrganisationCapCents / 100)
  const [perCountry, setPerCountry] = useState<number | string>('')
  const [quotas, setQuotas] = useState<QuotaRow[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const patch = (id: number, change: Partial<QuotaRow>) =>
    setQuotas((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r)))

  const body = () => ({
    name,
    params: {
      budgetCents: toCents(budget),
      perOrganisationCapCents: toCents(cap),
      maxPerCountry: toInt(perCountry),
      quotas: quotas.map((q) => ({
        scope: q.scope,
        key: q.key ?? '',
        min: Number(q.min === '' ? 0 : q.min),
        max: toInt(q.max),
      })),
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = scenarioCreate.safeParse(body())
    if (!parsed.success) {
      const next: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        next[path] ??= translateValidation(t, (k) => i18n.exists(k), issue as never)
      }
      setErrors(next)
      return
    }
    setErrors({})
    props.onSubmit(parsed.data)
  }
  // The server's field errors next to their fields (same paths as the contract's).
  const serverErrors: Record<string, string> = {}
  if (isApiError(props.error))
    for (const fe of props.error.fieldErrors)
      serverErrors[fe.path.replace(/^body\./, '')] ??= translateValidation(t, (k) => i18n.exists(k), {
        code: fe.code,
        message: fe.code,
      })
  const err = (path: string) => errors[path] ?? serverErrors[path]
  const keyData = (scope: QuotaRow['scope']) =>
    (scope === 'challenge' ? props.list.challenges : props.list.domains).map((c) => ({
      value: c.code,
      label: t('selection.form.keyOption', { code: c.code, count: c.count }),
    }))

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-labelledby="scenario-form"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="scenario-form">
          {t('selection.form.heading')}
        </Title>
        <TextInput
          label={t('selection.form.name')}
          placeholder={t('selection.form.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={120}
          required
          error={err('name')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label={t('selection.form.budget')}
            description={t('selection.form.budgetHint', { amount: money(f, defaults.budgetCents) })}
            value={budget}
            onChange={setBudget}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            style={{ minWidth: '14rem' }}
            error={err('params.budgetCents')}
          />
          <NumberInput
            label={t('selection.form.cap')}
            description={t('selection.form.capHint', { amount: money(f, defaults.perOrganisationCapCents) })}
            value={cap}
            onChange={setCap}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            style={{ minWidth: '14rem' }}
            error={err('params.perOrganisationCapCents')}
          />
        </Group>
        <NumberInput
          label={t('selection.form.maxPerCountry')}
          description={t('selection.form.maxPerCountryHint')}
          value={perCountry}
          onChange={setPerCountry}
          min={1}
          allowDecimal={false}
          maw={320}
          error={err('params.maxPerCountry')}
        />
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('selection.form.quotas')}
          </Title>
          {quotas.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('selection.form.noQuotas')}
            </Text>
          ) : null}
          {quotas.map((q, i) => (
            <Fieldset key={q.id} legend={t('selection.form.quotaLegend', { n: i + 1 })} radius="md">
              <Group align="flex-start" wrap="wrap" gap="sm">
                <Select
                  label={t('selection.form.scope')}
                  data={(['challenge', 'domain'] as const).map((s) => ({
                    value: s,
                    label: t(`selection.form.scopes.${s}`),
                  }))}
                  value={q.scope}
                  onChange={(v) => v && patch(q.id, { scope: v as QuotaRow['scope'], key: null })}
                  allowDeselect={false}
                  w={150}
                />
                <Select
                  label={t('selection.form.key')}
                  data={keyData(q.scope)}
                  value={q.key}
                  onChange={(v) => patch(q.id, { key: v })}
                  searchable
                  required
                  w={220}
                  error={err(`params.quotas.${i}.key`)}
                />
                <NumberInput
                  label={t('selection.form.min')}
                  value={q.min}
                  onChange={(v) => patch(q.id, { min: v })}
                  min={0}
                  allowDecimal={false}
                  w={110}
                  error={err(`params.quotas.${i}.min`)}
                />
                <NumberInput
                  label={t('selection.form.max')}
                  description={t('selection.form.maxHint')}
                  value={q.max}
                  onChange={(v) => patch(q.id, { max: v })}
                  min={0}
                  allowDecimal={false}
                  w={160}
                  error={err(`params.quotas.${i}.max`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  size="lg"
                  aria-label={t('selection.form.removeQuota', { n: i + 1 })}
                  onClick={() => setQuotas((rows) => rows.filter((r) => r.id !== q.id))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setQuotas((rows) => [...rows, { id: nextId++, scope: 'challenge', key: null, min: 1, max: '' }])
              }
            >
              {t('selection.form.addQuota')}
            </Button>
          </Group>
        </Stack>
        <ErrorAlert error={props.error} />
        <Group>
          <Button type="submit" loading={props.saving} disabled={!props.list.rankingComplete}>
            {t('selection.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
