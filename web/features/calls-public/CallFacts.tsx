import { Card, SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicCall } from '../../../shared/contracts/call-pages.ts'
import { useFormat } from '../../design-system/format.ts'
import { euros, inZone } from './call-format.ts'

/** The key facts of a call at a glance: dates in its zone, money, funding model, TRL window. */
export function CallFacts({ call }: { call: PublicCall }) {
  const { t } = useTranslation()
  const f = useFormat()
  const { budget, trl, timeline } = call.config
  const s = call.schedule
  const opens = inZone(f, s.opensAt, s.timeZone)
  const evaluation =
    timeline.evaluationStartsOn && timeline.evaluationEndsOn
      ? t('calls.public.facts.between', {
          from: f.date(timeline.evaluationStartsOn),
          to: f.date(timeline.evaluationEndsOn),
        })
      : null
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
      <Fact label={t('calls.public.facts.opens')}>
        <time dateTime={s.opensAt} suppressHydrationWarning>
          {t('calls.public.deadline.inZone', opens)}
        </time>
      </Fact>
      <Fact label={t('calls.public.facts.deadline')}>
        <time dateTime={s.deadline} suppressHydrationWarning>
          {t('calls.public.deadline.inZone', inZone(f, s.deadline, s.timeZone))}
        </time>
      </Fact>
      {s.qaClosesAt ? (
        <Fact label={t('calls.public.facts.qaCloses')}>
          <time dateTime={s.qaClosesAt} suppressHydrationWarning>
            {t('calls.public.deadline.inZone', inZone(f, s.qaClosesAt, s.timeZone))}
          </time>
        </Fact>
      ) : null}
      <Fact label={t('calls.public.facts.budget')}>{euros(f, budget.totalCents)}</Fact>
      <Fact label={t('calls.public.facts.maxPerProject')}>{euros(f, budget.maxPerProjectCents)}</Fact>
      <Fact label={t('calls.public.facts.maxPerThirdParty')}>{euros(f, budget.maxPerThirdPartyCents)}</Fact>
      <Fact label={t('calls.public.facts.fundingModel')}>
        {budget.fundingModel === 'funding_rate'
          ? t('calls.public.facts.fundingRate', { rate: budget.fundingRatePercent ?? 100 })
          : t('calls.public.facts.lumpSum')}
      </Fact>
      <Fact label={t('calls.public.facts.expectedProjects')}>
        {budget.expectedProjects === null ? t('calls.public.facts.notStated') : budget.expectedProjects}
      </Fact>
      <Fact label={t('calls.public.facts.trl')}>
        {t('calls.public.facts.trlRange', { min: trl.min, max: trl.max })}
      </Fact>
      {evaluation ? <Fact label={t('calls.public.facts.evaluation')}>{evaluation}</Fact> : null}
      {timeline.resultsOn ? <Fact label={t('calls.public.facts.results')}>{f.date(timeline.resultsOn)}</Fact> : null}
    </SimpleGrid>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} suppressHydrationWarning>
        {children}
      </Text>
    </Card>
  )
}
