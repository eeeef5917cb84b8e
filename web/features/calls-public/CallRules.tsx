import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { presetOf } from '../../../shared/calls/presets.ts'
import type { PublicCall } from '../../../shared/contracts/call-pages.ts'
import { useFormat } from '../../design-system/format.ts'
import { euros } from './call-format.ts'

/** Who may apply and how a project must look, in words: the consortium rules, the caps and the TRL window. */
export function CallRules({ call }: { call: PublicCall }) {
  const { t } = useTranslation()
  const f = useFormat()
  const r = call.config.consortium
  const { budget, trl } = call.config
  const preset = presetOf(r.eligibleCountries)
  const countries = r.eligibleCountries.map((c) => f.country(c))
  const lines: string[] = [
    r.maxOrganisations === null
      ? t('calls.public.rules.organisationsMin', { min: r.minOrganisations })
      : t('calls.public.rules.organisationsRange', { min: r.minOrganisations, max: r.maxOrganisations }),
  ]
  if (r.minSmes > 0) lines.push(t('calls.public.rules.smes', { n: r.minSmes }))
  if (r.minCountries > 1) lines.push(t('calls.public.rules.countries', { n: r.minCountries }))
  if (r.endUserRequired) lines.push(t('calls.public.rules.endUser'))
  if (r.excludePartnerLinked) lines.push(t('calls.public.rules.partnerLinked'))
  if (r.oneApplicationPerOrganisation) lines.push(t('calls.public.rules.oneApplication'))
  lines.push(t('calls.public.rules.perThirdParty', { amount: euros(f, budget.maxPerThirdPartyCents) }))
  lines.push(t('calls.public.rules.perProject', { amount: euros(f, budget.maxPerProjectCents) }))
  lines.push(t('calls.public.rules.trl', { min: trl.min, max: trl.max }))
  return (
    <>
      <List spacing="xs" mb="sm">
        {lines.map((l) => (
          <List.Item key={l}>
            <span suppressHydrationWarning>{l}</span>
          </List.Item>
        ))}
      </List>
      {r.eligibleCountries.length === 0 ? (
        <Text>{t('calls.public.rules.anyCountry')}</Text>
      ) : (
        <details>
          <summary>
            {preset
              ? t(`calls.public.rules.preset.${preset}`)
              : t('calls.public.rules.someCountries', { n: r.eligibleCountries.length })}
          </summary>
          <Text mt="xs" suppressHydrationWarning>
            {f.list(countries)}
          </Text>
        </details>
      )}
    </>
  )
}
