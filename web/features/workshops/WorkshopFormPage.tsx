import {
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Workshop, workshopFormats } from '../../../shared/contracts/workshops.ts'
import { useMe } from '../../app/session.ts'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { workshopKeys, workshopsApi } from './api.ts'
import { useProgramme, useWorkshop } from './shared.tsx'
import { isoToZoned, timeZones, viewerTimeZone, zonedToIso } from './time.ts'

export interface WorkshopFormValues {
  clusterId: string
  title: string
  description: string
  format: string
  timeZone: string
  startsAt: string
  endsAt: string
  capacity: number | string
  domainIds: string[]
  meetingUrl: string
  location: string
  pointsBudget: number | string
  voteClosesAt: string
}

function toValues(w: Workshop | undefined, clusterId: string): WorkshopFormValues {
  const tz = w?.timeZone ?? 'Europe/Brussels'
  return {
    clusterId: w?.clusterId ?? clusterId,
    title: w?.title ?? '',
    description: w?.description ?? '',
    format: w?.format ?? 'online',
    timeZone: tz,
    startsAt: isoToZoned(w?.startsAt, tz),
    endsAt: isoToZoned(w?.endsAt, tz),
    capacity: w?.capacity ?? 30,
    domainIds: w?.domainIds ?? [],
    meetingUrl: w?.meetingUrl ?? '',
    location: w?.location ?? '',
    pointsBudget: w?.pointsBudget ?? 10,
    voteClosesAt: isoToZoned(w?.voteClosesAt, tz),
  }
}

export function NewWorkshopPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader
        title={t('workshops.create')}
        above={<AnchorLink to="/app/workshops">{t('workshops.backToList')}</AnchorLink>}
      />
      <WorkshopForm />
    </>
  )
}

const editRoute = getRouteApi('/app/workshops/$workshopId/edit')

export function EditWorkshopPage() {
  const { t } = useTranslation()
  const { workshopId } = editRoute.useParams()
  const w = useWorkshop(workshopId)
  return (
    <>
      <PageHeader
        title={t('workshops.edit')}
        documentTitle={w.data ? `${t('workshops.edit')}: ${w.data.title}` : t('workshops.edit')}
        above={
          <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId }}>
            {t('workshops.backToWorkshop')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={w.error} />
      {w.data ? <WorkshopForm initial={w.data} /> : null}
    </>
  )
}

/** Create or edit: times are typed as wall-clock times in the workshop's own IANA zone. */
function WorkshopForm({ initial }: { initial?: Workshop }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const serverErrors = useServerErrors()
  const programme = useProgramme()
  const { data: me } = useMe()
  const myCluster = me?.programmeRoles.find((g) => g.clusterId)?.clusterId
  const [error, setError] = useState<unknown>(null)
  const zones = useMemo(() => {
    const all = timeZones()
    const mine = viewerTimeZone()
    return all.includes(mine) ? all : [mine, ...all]
  }, [])
  const form = useForm<WorkshopFormValues>({
    mode: 'controlled',
    initialValues: toValues(initial, myCluster ?? ''),
    validate: {
      clusterId: (v) => (initial || v ? null : t('validation.required')),
      title: (v) => (v.trim() ? null : t('validation.required')),
      startsAt: (v, values) => (zonedToIso(v, values.timeZone) ? null : t('validation.required')),
      endsAt: (v, values) => {
        const end = zonedToIso(v, values.timeZone)
        const start = zonedToIso(values.startsAt, values.timeZone)
        if (!end) return t('validation.required')
        return start && end <= start ? t('workshops.form.endAfterStart') : null
      },
      meetingUrl: (v, values) => (values.format !== 'on_site' && !v.trim() ? t('validation.required') : null),
      location: (v, values) => (values.format !== 'online' && !v.trim() ? t('validation.required') : null),
      capacity: (v) => (Number(v) >= 1 ? null : t('validation.too_small_min', { minimum: 1 })),
      pointsBudget: (v) => (Number(v) >= 1 ? null : t('validation.too_small_min', { minimum: 1 })),
    },
  })

  const submit = form.onSubmit(async (v) => {
    setError(null)
    const fields = {
      title: v.title.trim(),
      description: v.description,
      format: v.format as Workshop['format'],
      timeZone: v.timeZone,
      startsAt: zonedToIso(v.startsAt, v.timeZone)!,
      endsAt: zonedToIso(v.endsAt, v.timeZone)!,
      capacity: Number(v.capacity),
      domainIds: v.domainIds,
      meetingUrl: v.meetingUrl.trim() || null,
      location: v.location.trim() || null,
      pointsBudget: Number(v.pointsBudget),
      voteClosesAt: v.voteClosesAt ? zonedToIso(v.voteClosesAt, v.timeZone) : null,
    }
    try {
      const saved = initial
        ? await workshopsApi.update(initial.id, fields)
        : await workshopsApi.create({ clusterId: v.clusterId, ...fields })
      queryClient.setQueryData(workshopKeys.one(saved.id), saved)
      await queryClient.invalidateQueries({ queryKey: workshopKeys.all })
      notifications.show({ color: 'green', message: t('workshops.saved') })
      await navigate({ to: '/app/workshops/$workshopId', params: { workshopId: saved.id } })
    } catch (e) {
      if (!serverErrors(form, e)) setError(e)
    }
  })

  const lang = i18n.language
  const clusters = (programme.data?.clusters ?? []).map((c) => ({ value: c.id, label: c.shortName ?? c.name }))
  const domains = (programme.data?.domains ?? []).map((d) => ({ value: d.id, label: localized(d.name, lang) }))
  const zoneHelp = t('workshops.form.timesInZone', { zone: form.values.timeZone })

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {!initial ? (
            <Select
              label={t('workshops.fields.cluster')}
              required
              searchable
              data={clusters}
              {...form.getInputProps('clusterId')}
            />
          ) : null}
          <TextInput label={t('workshops.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
          <Textarea
            label={t('workshops.fields.agenda')}
            description={t('workshops.form.agendaHelp')}
            autosize
            minRows={4}
            maxRows={14}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('workshops.fields.format')}
              required
              allowDeselect={false}
              data={workshopFormats.map((f) => ({ value: f, label: t(`workshops.format.${f}`) }))}
              {...form.getInputProps('format')}
            />
            <Select
              label={t('workshops.fields.timeZone')}
              description={t('workshops.form.timeZoneHelp')}
              required
              searchable
              allowDeselect={false}
              limit={50}
              data={zones}
              {...form.getInputProps('timeZone')}
            />
            <TextInput
              type="datetime-local"
              label={t('workshops.fields.startsAt')}
              description={zoneHelp}
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('workshops.fields.endsAt')}
              description={zoneHelp}
              required
              {...form.getInputProps('endsAt')}
            />
            <NumberInput
              label={t('workshops.fields.capacity')}
              required
              min={1}
              max={10000}
              {...form.getInputProps('capacity')}
            />
            <MultiSelect
              label={t('workshops.fields.domains')}
              data={domains}
              clearable
              {...form.getInputProps('domainIds')}
            />
            <TextInput
              type="url"
              label={t('workshops.fields.meetingUrl')}
              description={t('workshops.form.meetingUrlHelp')}
              required={form.values.format !== 'on_site'}
              {...form.getInputProps('meetingUrl')}
            />
            <TextInput
              label={t('workshops.fields.location')}
              required={form.values.format !== 'online'}
              {...form.getInputProps('location')}
            />
            <NumberInput
              label={t('workshops.fields.pointsBudget')}
              description={t('workshops.form.pointsBudgetHelp')}
              required
              min={1}
              max={1000}
              {...form.getInputProps('pointsBudget')}
            />
            <TextInput
              type="datetime-local"
              label={t('workshops.fields.voteClosesAt')}
              description={zoneHelp}
              {...form.getInputProps('voteClosesAt')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={form.submitting}>
              {initial ? t('common.save') : t('workshops.form.createDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
