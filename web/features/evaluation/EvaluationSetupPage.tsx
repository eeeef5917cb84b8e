import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type EvaluationPhaseKind,
  type EvaluationPhasesView,
  type EvaluationSettingsInput,
  type EvaluationSettingsView,
  evaluationPhaseKinds,
  tieBreakRuleNames,
} from '../../../shared/contracts/evaluation.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { evaluationApi, evaluationKeys, phaseColor } from './api.ts'
import { EvaluationTabs } from './EvaluationTabs.tsx'
import { useFieldErrors } from './fieldErrors.ts'

const route = getRouteApi('/app/evaluation/$callId/setup')

/** Operators: a call's evaluation settings (panel rules, anonymity, spread, comments, tie-breaks, redress) and phases. */
export function EvaluationSetupPage() {
  const { t } = useTranslation()
  const { callId } = route.useParams()
  const settings = useQuery({
    queryKey: evaluationKeys.settings(callId),
    queryFn: () => evaluationApi.settings(callId),
  })
  const phases = useQuery({ queryKey: evaluationKeys.phases(callId), queryFn: () => evaluationApi.phases(callId) })
  return (
    <>
      <PageHeader title={t('evaluation.setup.title')} description={t('evaluation.setup.description')} />
      <Stack gap="lg">
        <EvaluationTabs callId={callId} active="setup" />
        <ErrorAlert error={phases.error} />
        {phases.isLoading ? <Skeleton height={220} /> : null}
        {phases.data ? (
          <PhasesCard key={JSON.stringify(phases.data.phases)} callId={callId} view={phases.data} />
        ) : null}
        <ErrorAlert error={settings.error} />
        {settings.isLoading ? <Skeleton height={420} /> : null}
        {settings.data ? (
          <SettingsCard key={JSON.stringify(settings.data)} callId={callId} view={settings.data} />
        ) : null}
      </Stack>
    </>
  )
}

type PhaseDraft = Record<EvaluationPhaseKind, { startsAt: string; endsAt: string }>

function PhasesCard({ callId, view }: { callId: string; view: EvaluationPhasesView }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const initial = () =>
    Object.fromEntries(
      view.phases.map((p) => [p.kind, { startsAt: p.localStartsAt ?? '', endsAt: p.localEndsAt ?? '' }]),
    ) as PhaseDraft
  const [draft, setDraft] = useState<PhaseDraft>(initial)
  const save = useMutation({
    mutationFn: () => {
      const w = (k: EvaluationPhaseKind) => (draft[k].startsAt || draft[k].endsAt ? draft[k] : null)
      return evaluationApi.savePhases(callId, {
        individual: draft.individual,
        consensus: w('consensus'),
        panel: w('panel'),
      })
    },
    onSuccess: (data) => {
      qc.setQueryData(evaluationKeys.phases(callId), data)
      void qc.invalidateQueries({ queryKey: evaluationKeys.hub })
      notifications.show({ color: 'green', message: t('evaluation.setup.phasesSaved') })
    },
  })
  const errors = fieldErrors(save.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-labelledby="setup-phases"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="setup-phases">
          {t('evaluation.setup.phases')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evaluation.setup.phasesHelp', {
            zone: view.timeZone,
            closes: f.dateTime(view.closesAt, view.timeZone),
          })}
        </Text>
        {evaluationPhaseKinds.map((kind) => {
          const current = view.phases.find((p) => p.kind === kind)
          return (
            <Stack key={kind} gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Group gap="xs" component="legend" p={0}>
                <Text fw={600} component="span">
                  {t(`evaluation.phase.${kind}`)}
                </Text>
                {current ? (
                  <Badge color={phaseColor[current.status]} variant="light">
                    {t(`evaluation.phaseStatus.${current.status}`)}
                  </Badge>
                ) : null}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {(['startsAt', 'endsAt'] as const).map((field) => (
                  <TextInput
                    key={field}
                    type="datetime-local"
                    label={t(`evaluation.setup.${field}`, { zone: view.timeZone })}
                    value={draft[kind][field]}
                    onChange={(e) => {
                      const value = e.currentTarget.value
                      setDraft((d) => ({ ...d, [kind]: { ...d[kind], [field]: value } }))
                    }}
                    required={kind === 'individual'}
                    error={errors[`${kind}.${field}`] ?? (field === 'startsAt' ? errors[kind] : undefined)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          )
        })}
        {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('evaluation.setup.savePhases')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

const inputOf = (v: EvaluationSettingsView): EvaluationSettingsInput => ({
  expertsPerApplication: v.expertsPerApplication,
  practitionerRequired: v.practitionerRequired,
  onePerCountry: v.onePerCountry,
  excludeApplicantCountries: v.excludeApplicantCountries,
  anonymised: v.anonymised,
  spreadThreshold: v.spreadThreshold,
  commentMinLength: v.commentMinLength,
  tieBreaks: v.tieBreaks,
  bidWeight: v.bidWeight,
  redressWindowDays: v.redressWindowDays,
  redressHandlingWorkingDays: v.redressHandlingWorkingDays,
})

function SettingsCard({ callId, view }: { callId: string; view: EvaluationSettingsView }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const fieldErrors = useFieldErrors()
  const [s, setS] = useState<EvaluationSettingsInput>(() => inputOf(view))
  const set = <K extends keyof EvaluationSettingsInput>(k: K, v: EvaluationSettingsInput[K]) =>
    setS((x) => ({ ...x, [k]: v }))
  const save = useMutation({
    mutationFn: () => evaluationApi.saveSettings(callId, s),
    onSuccess: (data) => {
      qc.setQueryData(evaluationKeys.settings(callId), data)
      notifications.show({ color: 'green', message: t('evaluation.setup.settingsSaved') })
    },
  })
  const errors = fieldErrors(save.error)
  const num = (k: keyof EvaluationSettingsInput) => (v: string | number) =>
    set(k, (typeof v === 'number' ? v : 0) as never)
  const moveRule = (i: number, by: -1 | 1) =>
    setS((x) => {
      const list = [...x.tieBreaks]
      const [item] = list.splice(i, 1)
      if (item) list.splice(i + by, 0, item)
      return { ...x, tieBreaks: list }
    })
  const criterionName = (id: string) => localized(view.criteria.find((c) => c.id === id)?.name, i18n.language) || id
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-labelledby="setup-settings"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="setup-settings">
          {t('evaluation.setup.settings')}
        </Title>
        {view.locked ? (
          <Alert color="blue" variant="light">
            {t('evaluation.setup.lockedNote')}
          </Alert>
        ) : null}
        <Title order={3} size="h4">
          {t('evaluation.setup.panel')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('evaluation.setup.expertsPerApplication')}
            min={1}
            max={10}
            value={s.expertsPerApplication}
            onChange={num('expertsPerApplication')}
            disabled={view.locked}
            error={errors.expertsPerApplication}
          />
        </SimpleGrid>
        {(['practitionerRequired', 'onePerCountry', 'excludeApplicantCountries'] as const).map((k) => (
          <Checkbox
            key={k}
            label={t(`evaluation.setup.${k}`)}
            checked={s[k]}
            onChange={(e) => set(k, e.currentTarget.checked)}
            disabled={view.locked}
            error={errors[k]}
          />
        ))}
        <Title order={3} size="h4">
          {t('evaluation.setup.scoring')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evaluation.setup.scale', {
            min: view.scale.min,
            max: view.scale.max,
            step: view.scale.step,
            criteria: view.criteria.map((c) => localized(c.name, i18n.language)).join(', '),
          })}
        </Text>
        <Checkbox
          label={t('evaluation.setup.anonymised')}
          description={t('evaluation.setup.anonymisedHelp')}
          checked={s.anonymised}
          onChange={(e) => set('anonymised', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('evaluation.setup.commentMinLength')}
            min={0}
            max={5000}
            value={s.commentMinLength}
            onChange={num('commentMinLength')}
            error={errors.commentMinLength}
          />
          <NumberInput
            label={t('evaluation.setup.spreadThreshold')}
            description={t('evaluation.setup.spreadHelp')}
            min={0}
            max={100}
            step={0.5}
            decimalScale={2}
            value={s.spreadThreshold}
            onChange={num('spreadThreshold')}
            error={errors.spreadThreshold}
          />
          <NumberInput
            label={t('evaluation.setup.bidWeight')}
            description={t('evaluation.setup.bidWeightHelp')}
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={s.bidWeight}
            onChange={num('bidWeight')}
            error={errors.bidWeight}
          />
        </SimpleGrid>
        <Title order={3} size="h4" id="setup-tiebreaks">
          {t('evaluation.setup.tieBreaks')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evaluation.setup.tieBreaksHelp')}
        </Text>
        <Stack
          gap="xs"
          component="ol"
          aria-labelledby="setup-tiebreaks"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {s.tieBreaks.map((rule, i) => {
            const name =
              rule.rule === 'criterion' && rule.criterionId
                ? t('evaluation.rule.criterionNamed', { name: criterionName(rule.criterionId) })
                : t(`evaluation.rule.${rule.rule}`)
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions of a list being reordered
              <Group key={i} component="li" gap="xs" align="flex-end" wrap="wrap">
                <Text w={24} fw={600} aria-hidden>
                  {i + 1}.
                </Text>
                <Select
                  label={t('evaluation.setup.rule', { n: i + 1 })}
                  data={tieBreakRuleNames.map((r) => ({ value: r, label: t(`evaluation.rule.${r}`) }))}
                  value={rule.rule}
                  onChange={(v) =>
                    v &&
                    setS((x) => ({
                      ...x,
                      tieBreaks: x.tieBreaks.map((r, j) =>
                        j === i ? { rule: v as (typeof tieBreakRuleNames)[number] } : r,
                      ),
                    }))
                  }
                  allowDeselect={false}
                  error={errors[`tieBreaks.${i}.rule`]}
                  style={{ flex: '1 1 220px' }}
                />
                {rule.rule === 'criterion' ? (
                  <Select
                    label={t('evaluation.setup.criterion', { n: i + 1 })}
                    data={[
                      { value: '', label: t('evaluation.setup.eachCriterion') },
                      ...view.criteria.map((c) => ({ value: c.id, label: localized(c.name, i18n.language) })),
                    ]}
                    value={rule.criterionId ?? ''}
                    onChange={(v) =>
                      setS((x) => ({
                        ...x,
                        tieBreaks: x.tieBreaks.map((r, j) =>
                          j === i ? (v ? { rule: 'criterion', criterionId: v } : { rule: 'criterion' }) : r,
                        ),
                      }))
                    }
                    allowDeselect={false}
                    error={errors[`tieBreaks.${i}.criterionId`]}
                    style={{ flex: '1 1 200px' }}
                  />
                ) : null}
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    size="lg"
                    onClick={() => moveRule(i, -1)}
                    disabled={i === 0}
                    aria-label={t('evaluation.setup.moveUp', { name })}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    onClick={() => moveRule(i, 1)}
                    disabled={i === s.tieBreaks.length - 1}
                    aria-label={t('evaluation.setup.moveDown', { name })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    color="red"
                    onClick={() => setS((x) => ({ ...x, tieBreaks: x.tieBreaks.filter((_, j) => j !== i) }))}
                    aria-label={t('evaluation.setup.removeRule', { name })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            )
          })}
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setS((x) => ({ ...x, tieBreaks: [...x.tieBreaks, { rule: 'earlier_submission' }] }))}
            disabled={s.tieBreaks.length >= 20}
          >
            {t('evaluation.setup.addRule')}
          </Button>
        </Group>
        <Title order={3} size="h4">
          {t('evaluation.setup.redress')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('evaluation.setup.redressWindowDays')}
            min={0}
            max={90}
            value={s.redressWindowDays}
            onChange={num('redressWindowDays')}
            error={errors.redressWindowDays}
          />
          <NumberInput
            label={t('evaluation.setup.redressHandlingWorkingDays')}
            min={1}
            max={120}
            value={s.redressHandlingWorkingDays}
            onChange={num('redressHandlingWorkingDays')}
            error={errors.redressHandlingWorkingDays}
          />
        </SimpleGrid>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('evaluation.setup.saveSettings')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
