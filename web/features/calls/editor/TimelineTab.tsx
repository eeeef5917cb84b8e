import { Alert, Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconClock } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { instantToLocal, localToInstant, zoneOffsetLabel } from '../../../../shared/calls/time.ts'
import { useFormat } from '../../../design-system/format.ts'
import { timeZones } from '../../workshops/time.ts'
import { bind, type CallForm, errorAt, setField, valueAt } from './fields.tsx'

/** What a wall-clock time in the call's zone means as an instant: UTC, offset, and a doubled hour. */
export function useInstantText() {
  const { t } = useTranslation()
  const f = useFormat()
  return (local: string | null, zone: string): string | null => {
    if (!local || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null
    const r = localToInstant(local, zone)
    if ('error' in r) return t('calls.timeline.missing')
    const text = t('calls.timeline.instant', {
      utc: f.dateTime(r.instant, 'UTC'),
      offset: zoneOffsetLabel(r.instant, zone),
    })
    // The same wall-clock time an hour later: the clocks went back and this time happens twice.
    const later = new Date(r.instant.getTime() + 3_600_000)
    return instantToLocal(later, zone) === local ? `${text} ${t('calls.timeline.ambiguous')}` : text
  }
}

/** Opening and deadline typed as local times in an IANA zone, then the other dates of the call. */
export function TimelineTab({ form, frozen }: { form: CallForm; frozen: boolean }) {
  const { t } = useTranslation()
  const instantText = useInstantText()
  const zones = useMemo(() => timeZones(), [])
  const zone = form.values.timeZone
  const inZone = t('calls.timeline.inZone', { zone })
  const local = (path: string, label: string, opts: { required?: boolean; readOnly?: boolean } = {}) => {
    const value = valueAt<string | null>(form, path)
    const note = instantText(value, zone)
    return (
      <TextInput
        type="datetime-local"
        label={label}
        description={note ? `${inZone} ${note}` : inZone}
        required={opts.required}
        readOnly={opts.readOnly}
        value={value ?? ''}
        error={errorAt(form, path)}
        onChange={(e) =>
          setField(form, path, e.currentTarget.value === '' && !opts.required ? null : e.currentTarget.value)
        }
      />
    )
  }
  const date = (path: string, label: string) => (
    <TextInput
      type="date"
      label={label}
      value={valueAt<string | null>(form, path) ?? ''}
      error={errorAt(form, path)}
      onChange={(e) => setField(form, path, e.currentTarget.value || null)}
    />
  )
  return (
    <Stack>
      <Alert variant="light" color="blue" icon={<IconClock aria-hidden />} title={t('calls.timeline.noteTitle')}>
        <Text size="sm">{t('calls.timeline.note')}</Text>
      </Alert>
      <Fieldset legend={t('calls.timeline.submission')}>
        <Stack>
          <Select
            label={t('calls.fields.timeZone')}
            description={t('calls.fields.timeZoneHelp')}
            required
            searchable
            allowDeselect={false}
            limit={50}
            data={zones}
            maw={420}
            readOnly={frozen}
            {...bind(form, 'timeZone')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {local('opensAtLocal', t('calls.fields.opensAt'), { required: true, readOnly: frozen })}
            {local('deadlineLocal', t('calls.fields.deadline'), { required: true })}
          </SimpleGrid>
          {frozen ? (
            <Text size="sm" c="dimmed">
              {t('calls.timeline.frozenNote')}
            </Text>
          ) : null}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('calls.timeline.other')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {local('config.timeline.qaClosesAt', t('calls.fields.qaClosesAt'))}
          {date('config.timeline.evaluationStartsOn', t('calls.fields.evaluationStartsOn'))}
          {date('config.timeline.evaluationEndsOn', t('calls.fields.evaluationEndsOn'))}
          {date('config.timeline.resultsOn', t('calls.fields.resultsOn'))}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  )
}
