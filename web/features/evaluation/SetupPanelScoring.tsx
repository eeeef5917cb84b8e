import { SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localized } from '../../design-system/format.ts'
import { SettingCheckbox, SettingNumber, SettingsSection, useSettingsForm } from './setupFields.tsx'

/** The panel rules the assignment follows: locked once experts are assigned. */
export function PanelSection() {
  const { t } = useTranslation()
  const { view } = useSettingsForm()
  return (
    <SettingsSection id="setup-panel" title={t('evaluation.setup.panel')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SettingNumber field="expertsPerApplication" min={1} max={10} disabled={view.locked} />
      </SimpleGrid>
      {(['practitionerRequired', 'onePerCountry', 'excludeApplicantCountries'] as const).map((k) => (
        <SettingCheckbox key={k} field={k} disabled={view.locked} />
      ))}
    </SettingsSection>
  )
}

/** The call's scale and criteria (read only), anonymity, comments, divergence and the weight of bids. */
export function ScoringSection() {
  const { t, i18n } = useTranslation()
  const { view } = useSettingsForm()
  return (
    <SettingsSection id="setup-scoring" title={t('evaluation.setup.scoring')}>
      <Text size="sm" c="dimmed">
        {t('evaluation.setup.scale', {
          min: view.scale.min,
          max: view.scale.max,
          step: view.scale.step,
          criteria: view.criteria.map((c) => localized(c.name, i18n.language)).join(', '),
        })}
      </Text>
      <SettingCheckbox field="anonymised" description={t('evaluation.setup.anonymisedHelp')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SettingNumber field="commentMinLength" min={0} max={5000} />
        <SettingNumber
          field="spreadThreshold"
          description={t('evaluation.setup.spreadHelp')}
          min={0}
          max={100}
          step={0.5}
          decimalScale={2}
        />
        <SettingNumber
          field="bidWeight"
          description={t('evaluation.setup.bidWeightHelp')}
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
        />
      </SimpleGrid>
    </SettingsSection>
  )
}
