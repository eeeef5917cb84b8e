import { Fieldset, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DEFAULT_MAX_PER_THIRD_PARTY_CENTS, fundingModels } from '../../../../shared/contracts/calls.ts'
import { useFormat } from '../../../design-system/format.ts'
import { bind, type CallForm, MoneyField, NullableNumberField, setField } from './fields.tsx'

/** Total budget, caps per project and per third party, funding model, expected projects. */
export function BudgetTab({ form }: { form: CallForm }) {
  const { t } = useTranslation()
  const f = useFormat()
  const budget = form.values.config.budget
  const euros = (cents: number) =>
    f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
  const atMaximum =
    budget.totalCents > 0 && budget.maxPerProjectCents > 0
      ? Math.floor(budget.totalCents / budget.maxPerProjectCents)
      : null
  const model = bind(form, 'config.budget.fundingModel')
  return (
    <Stack>
      <Fieldset legend={t('calls.budget.amounts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyField form={form} path="config.budget.totalCents" label={t('calls.fields.totalBudget')} required />
          <MoneyField
            form={form}
            path="config.budget.maxPerProjectCents"
            label={t('calls.fields.maxPerProject')}
            description={atMaximum !== null ? t('calls.budget.projectsAtMaximum', { count: atMaximum }) : undefined}
            required
          />
          <MoneyField
            form={form}
            path="config.budget.maxPerThirdPartyCents"
            label={t('calls.fields.maxPerThirdParty')}
            description={t('calls.budget.thirdPartyDefault', { amount: euros(DEFAULT_MAX_PER_THIRD_PARTY_CENTS) })}
            required
          />
          <NullableNumberField
            form={form}
            path="config.budget.expectedProjects"
            label={t('calls.fields.expectedProjects')}
            min={1}
            allowDecimal={false}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('calls.budget.model')}>
        <Stack>
          <Radio.Group
            label={t('calls.fields.fundingModel')}
            required
            {...model}
            onChange={(v) => {
              model.onChange(v)
              if (v === 'lump_sum') setField(form, 'config.budget.fundingRatePercent', null)
              else if (budget.fundingRatePercent === null) setField(form, 'config.budget.fundingRatePercent', 70)
            }}
          >
            <Stack gap="xs" mt="xs">
              {fundingModels.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`calls.fundingModels.${m}`)}
                  description={t(`calls.fundingModelHelp.${m}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {budget.fundingModel === 'funding_rate' ? (
            <NullableNumberField
              form={form}
              path="config.budget.fundingRatePercent"
              label={t('calls.fields.fundingRate')}
              suffix=" %"
              min={1}
              max={100}
              required
              maw={240}
            />
          ) : null}
          <Text size="sm" c="dimmed">
            {t('calls.budget.currencyNote')}
          </Text>
        </Stack>
      </Fieldset>
    </Stack>
  )
}
