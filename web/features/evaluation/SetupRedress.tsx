import '@mantine/dates/styles.css'
import 'dayjs/locale/fr'
import 'dayjs/locale/nl'
import { CloseButton, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { maxRedressHolidays } from '../../../shared/contracts/evaluation.ts'
import { intlLocale } from '../../design-system/format.ts'
import { SettingNumber, SettingsSection, useSettingsForm } from './setupFields.tsx'

/** A calendar day `YYYY-MM-DD` in the words of the language (no zone moves it: it is read as UTC). */
function dayFormat(locale: string, long: boolean): (day: string) => string {
  const f = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
    ...(long ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  })
  return (day) => f.format(new Date(`${day}T00:00:00Z`))
}

/** The days in order, by year. */
function byYear(days: readonly string[]): [string, string[]][] {
  const out = new Map<string, string[]>()
  for (const d of [...days].sort()) out.set(d.slice(0, 4), [...(out.get(d.slice(0, 4)) ?? []), d])
  return [...out]
}

/**
 * The redress window and handling time, and the call's public holidays: days that are not working days
 * when a request's due date is counted, picked on a calendar and listed by year (each can be removed).
 */
export function RedressSection() {
  const { t, i18n } = useTranslation()
  const { draft, set, errors } = useSettingsForm()
  const days = draft.redressHolidays
  const chosen = new Set(days)
  const short = dayFormat(i18n.language, false)
  const long = dayFormat(i18n.language, true)
  const error =
    errors.redressHolidays ?? Object.entries(errors).find(([path]) => path.startsWith('redressHolidays.'))?.[1]
  const full = days.length >= maxRedressHolidays
  return (
    <SettingsSection id="setup-redress" title={t('evaluation.setup.redress')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SettingNumber field="redressWindowDays" min={0} max={90} />
        <SettingNumber field="redressHandlingWorkingDays" min={1} max={120} />
        <DatePickerInput
          type="multiple"
          label={t('evaluation.setup.redressHolidays')}
          description={t('evaluation.setup.redressHolidaysHelp', { max: maxRedressHolidays })}
          placeholder={t('evaluation.setup.redressHolidaysPlaceholder')}
          value={days}
          onChange={(v) => set('redressHolidays', [...v].sort())}
          valueFormatter={({ date }) =>
            Array.isArray(date) && date.length
              ? t('evaluation.setup.redressHolidaysChosen', { count: date.length })
              : ''
          }
          excludeDate={(d) => full && !chosen.has(d)}
          locale={i18n.language}
          firstDayOfWeek={1}
          clearable
          clearButtonProps={{ 'aria-label': t('evaluation.setup.clearHolidays') }}
          ariaLabels={{
            previousMonth: t('evaluation.setup.calendar.previousMonth'),
            nextMonth: t('evaluation.setup.calendar.nextMonth'),
            previousYear: t('evaluation.setup.calendar.previousYear'),
            nextYear: t('evaluation.setup.calendar.nextYear'),
            previousDecade: t('evaluation.setup.calendar.previousDecade'),
            nextDecade: t('evaluation.setup.calendar.nextDecade'),
            monthLevelControl: t('evaluation.setup.calendar.monthLevel'),
            yearLevelControl: t('evaluation.setup.calendar.yearLevel'),
          }}
          error={error}
        />
      </SimpleGrid>
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluation.setup.noHolidays')}
        </Text>
      ) : (
        byYear(days).map(([year, list]) => (
          <Stack key={year} gap={4}>
            <Text size="sm" fw={600} id={`setup-holidays-${year}`}>
              {t('evaluation.setup.holidaysOfYear', { year })}
            </Text>
            <Group
              component="ul"
              gap={6}
              aria-labelledby={`setup-holidays-${year}`}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {list.map((d) => (
                <Group
                  key={d}
                  component="li"
                  gap={2}
                  wrap="nowrap"
                  pl="xs"
                  style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-xl)' }}
                >
                  <Text size="sm" component="span" title={long(d)}>
                    {short(d)}
                  </Text>
                  <CloseButton
                    size="md"
                    iconSize={14}
                    radius="xl"
                    aria-label={t('evaluation.setup.removeHoliday', { day: long(d) })}
                    onClick={() =>
                      set(
                        'redressHolidays',
                        days.filter((x) => x !== d),
                      )
                    }
                  />
                </Group>
              ))}
            </Group>
          </Stack>
        ))
      )}
    </SettingsSection>
  )
}
