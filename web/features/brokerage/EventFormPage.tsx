import { Button, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type BrokerageEvent, brokerageModes, schedulingModes } from '../../../shared/contracts/brokerage.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { isoToZoned, timeZones, zonedToIso } from '../workshops/time.ts'
import { brokerageApi, brokerageKeys } from './api.ts'

/** An organiser drafts an event; sessions are added on its organiser page. */
export function EventFormPage() {
  return <EventForm event={null} />
}

const editRoute = getRouteApi('/app/brokerage/$eventId/edit')

/** An organiser changes an event (title, place, deadline, scheduling rules); sessions stay on the organiser page. */
export function EventEditPage() {
  const { eventId } = editRoute.useParams()
  const event = useQuery({ queryKey: brokerageKeys.event(eventId), queryFn: () => brokerageApi.event(eventId) })
  if (event.error) return <ErrorAlert error={event.error} />
  if (!event.data) return <Skeleton height={480} radius="md" />
  return <EventForm event={event.data} />
}

function EventForm({ event }: { event: BrokerageEvent | null }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const serverErrors = useServerErrors()
  // Operators organise for the programme; cluster staff for their cluster.
  const operator = me?.programmeRoles.some((g) => g.role === 'operator') ?? false
  const clusterId = operator ? null : (me?.programmeRoles.find((g) => g.role === 'cluster_staff')?.clusterId ?? null)
  const form = useForm({
    mode: 'controlled',
    initialValues: event
      ? {
          title: event.title,
          description: event.description,
          mode: event.mode as string,
          venue: event.venue ?? '',
          onlineUrl: event.onlineUrl ?? '',
          timeZone: event.timeZone,
          registrationDeadline: isoToZoned(event.registrationDeadline, event.timeZone),
          schedulingMode: event.schedulingMode as string,
          maxMeetingsPerParticipant: event.maxMeetingsPerParticipant,
          requestExpiryHours: event.requestExpiryHours,
          reminderHours: event.reminderHours,
        }
      : {
          title: '',
          description: '',
          mode: 'hybrid',
          venue: '',
          onlineUrl: '',
          timeZone: 'Europe/Brussels',
          registrationDeadline: '',
          schedulingMode: 'central',
          maxMeetingsPerParticipant: 8,
          requestExpiryHours: 72,
          reminderHours: 24,
        },
  })
  const fields = (v: typeof form.values) => ({
    title: v.title,
    description: v.description,
    mode: v.mode as (typeof brokerageModes)[number],
    venue: v.venue || null,
    onlineUrl: v.onlineUrl || null,
    timeZone: v.timeZone,
    registrationDeadline: zonedToIso(v.registrationDeadline, v.timeZone) ?? '',
    schedulingMode: v.schedulingMode as (typeof schedulingModes)[number],
    maxMeetingsPerParticipant: v.maxMeetingsPerParticipant,
    requestExpiryHours: v.requestExpiryHours,
    reminderHours: v.reminderHours,
  })
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      event ? brokerageApi.update(event.id, fields(v)) : brokerageApi.create({ clusterId, ...fields(v) }),
    onSuccess: (e) => {
      qc.invalidateQueries({ queryKey: brokerageKeys.all })
      if (event) notifications.show({ color: 'green', message: t('brokerage.form.saved') })
      navigate({ to: '/app/brokerage/$eventId/organise', params: { eventId: e.id } })
    },
    onError: (e) => serverErrors(form, e),
  })
  return (
    <>
      <PageHeader
        title={event ? t('brokerage.form.editTitle', { title: event.title }) : t('brokerage.form.title')}
        description={event ? t('brokerage.form.editDescription') : t('brokerage.form.description')}
      />
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack maw={720}>
          <TextInput label={t('brokerage.fields.title')} required {...form.getInputProps('title')} />
          <Textarea
            label={t('brokerage.fields.description')}
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('brokerage.fields.mode')}
            allowDeselect={false}
            data={brokerageModes.map((m) => ({ value: m, label: t(`brokerage.mode.${m}`) }))}
            {...form.getInputProps('mode')}
          />
          <TextInput label={t('brokerage.fields.venue')} {...form.getInputProps('venue')} />
          <TextInput label={t('brokerage.fields.onlineUrl')} type="url" {...form.getInputProps('onlineUrl')} />
          <Select
            label={t('brokerage.fields.timeZone')}
            searchable
            data={timeZones()}
            {...form.getInputProps('timeZone')}
          />
          <TextInput
            label={t('brokerage.fields.registrationDeadline')}
            type="datetime-local"
            required
            {...form.getInputProps('registrationDeadline')}
          />
          <Select
            label={t('brokerage.fields.schedulingMode')}
            allowDeselect={false}
            data={schedulingModes.map((m) => ({ value: m, label: t(`brokerage.schedulingMode.${m}`) }))}
            {...form.getInputProps('schedulingMode')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
            <NumberInput
              label={t('brokerage.fields.maxMeetings')}
              min={1}
              max={100}
              {...form.getInputProps('maxMeetingsPerParticipant')}
            />
            <NumberInput
              label={t('brokerage.fields.requestExpiryHours')}
              min={1}
              max={2160}
              {...form.getInputProps('requestExpiryHours')}
            />
            <NumberInput
              label={t('brokerage.fields.reminderHours')}
              min={1}
              max={336}
              {...form.getInputProps('reminderHours')}
            />
          </SimpleGrid>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {event ? t('brokerage.form.update') : t('brokerage.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}
