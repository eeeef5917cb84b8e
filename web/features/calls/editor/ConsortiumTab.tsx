import { Button, Fieldset, Group, MultiSelect, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type CountryPreset, countriesForPreset, presetOf } from '../../../../shared/calls/presets.ts'
import { countryPresets } from '../../../../shared/contracts/calls.ts'
import { countryCodes } from '../../../../shared/countries.ts'
import { flagEmoji, useFormat } from '../../../design-system/format.ts'
import { type CallForm, errorAt, NullableNumberField, NumberField, setField } from './fields.tsx'

/** Who may apply together: sizes, SMEs, countries (presets or a custom list) and the yes/no rules. */
export function ConsortiumTab({ form }: { form: CallForm }) {
  const { t } = useTranslation()
  const f = useFormat()
  const rules = form.values.config.consortium
  const countries = useMemo(() => {
    const collator = new Intl.Collator(f.locale)
    return countryCodes
      .map((code) => ({ value: code, label: f.country(code) }))
      .sort((a, b) => collator.compare(a.label, b.label))
  }, [f])
  const preset = presetOf(rules.eligibleCountries)
  const choose = (p: CountryPreset | null) =>
    setField(form, 'config.consortium.eligibleCountries', p ? countriesForPreset(p) : [])
  const path = 'config.consortium'
  const toggle = (key: string) => (
    <Switch
      key={key}
      label={t(`calls.consortium.${key}`)}
      description={t(`calls.consortium.${key}Help`)}
      {...form.getInputProps(`${path}.${key}` as never, { type: 'checkbox' })}
    />
  )
  return (
    <Stack>
      <Fieldset legend={t('calls.consortium.size')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField
            form={form}
            path={`${path}.minOrganisations`}
            label={t('calls.fields.minOrganisations')}
            min={1}
            max={50}
            allowDecimal={false}
            required
          />
          <NullableNumberField
            form={form}
            path={`${path}.maxOrganisations`}
            label={t('calls.fields.maxOrganisations')}
            description={t('calls.fields.noLimitHelp')}
            min={1}
            max={50}
            allowDecimal={false}
          />
          <NumberField
            form={form}
            path={`${path}.minSmes`}
            label={t('calls.fields.minSmes')}
            min={0}
            max={50}
            allowDecimal={false}
            required
          />
          <NumberField
            form={form}
            path={`${path}.minCountries`}
            label={t('calls.fields.minCountries')}
            min={1}
            max={50}
            allowDecimal={false}
            required
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('calls.consortium.countries')}>
        <Stack>
          <Text size="sm" id="country-presets-label">
            {t('calls.consortium.presets')}
          </Text>
          <Group gap="xs" role="group" aria-labelledby="country-presets-label">
            {countryPresets.map((p) => (
              <Button
                key={p}
                size="xs"
                variant={preset === p ? 'filled' : 'default'}
                aria-pressed={preset === p}
                onClick={() => choose(p)}
              >
                {t(`calls.presets.${p}`)}
              </Button>
            ))}
            <Button
              size="xs"
              variant={rules.eligibleCountries.length === 0 ? 'filled' : 'default'}
              aria-pressed={rules.eligibleCountries.length === 0}
              onClick={() => choose(null)}
            >
              {t('calls.presets.any')}
            </Button>
          </Group>
          <MultiSelect
            label={t('calls.fields.eligibleCountries')}
            description={
              rules.eligibleCountries.length === 0
                ? t('calls.consortium.anyCountry')
                : t('calls.consortium.countryCount', { count: rules.eligibleCountries.length })
            }
            data={countries}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={280}
            nothingFoundMessage={t('common.noMatch')}
            renderOption={({ option }) => (
              <span>
                <span aria-hidden="true">{flagEmoji(option.value)} </span>
                {option.label}
              </span>
            )}
            value={rules.eligibleCountries}
            error={errorAt(form, `${path}.eligibleCountries`)}
            onChange={(v) => setField(form, `${path}.eligibleCountries`, [...v].sort())}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('calls.consortium.rules')}>
        <Stack>{['endUserRequired', 'excludePartnerLinked', 'oneApplicationPerOrganisation'].map(toggle)}</Stack>
      </Fieldset>
    </Stack>
  )
}
