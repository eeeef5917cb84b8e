import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ApplicantProfile, SmeExplanation, SmeThresholdTest } from '../../../shared/contracts/profiles.ts'
import { useFormat } from '../../design-system/format.ts'

/**
 * The SME status with its reasoning in words: the counted figures, each relation's contribution, and
 * for each size class which ceiling was met and which was not (EU Recommendation 2003/361).
 */
export function SmeResult({ profile }: { profile: ApplicantProfile }) {
  const { t } = useTranslation()
  const f = useFormat()
  const e = profile.sme.explanation
  const status = profile.sme.status
  const money = (cents: number | null) =>
    cents === null
      ? '—'
      : f.number(cents / 100, {
          style: 'currency',
          currency: 'EUR',
          // Whole euros without decimals (€2,000,000), cents when there are some (€1,234.50).
          minimumFractionDigits: Number.isInteger(cents / 100) ? 0 : 2,
          maximumFractionDigits: 2,
        })
  const awu = (n: number | null) => (n === null ? '—' : f.number(n, { maximumFractionDigits: 4 }))
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sme-result-title" data-testid="sme-result">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            {t('profiles.sme.title')}
          </Text>
          <Title order={2} size="h3" id="sme-result-title">
            {t(`profiles.smeStatus.${status ?? 'unknown'}`)}
          </Title>
        </div>
        {status && status !== 'not_sme' ? (
          <Badge color="green" variant="light" size="lg">
            {t('profiles.sme.isSme')}
          </Badge>
        ) : null}
      </Group>
      {e ? <Reasoning e={e} profile={profile} money={money} awu={awu} /> : null}
      <Text size="xs" c="dimmed" mt="md">
        {t('profiles.sme.rule')}
      </Text>
    </Card>
  )
}

function Reasoning({
  e,
  profile,
  money,
  awu,
}: {
  e: SmeExplanation
  profile: ApplicantProfile
  money: (cents: number | null) => string
  awu: (n: number | null) => string
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const fieldName = (m: string) => t(`profiles.sme.missingField.${m}`)
  return (
    <Stack gap="sm">
      {e.decidedBy === 'public_body' ? <Alert color="orange">{t('profiles.sme.publicBody')}</Alert> : null}
      {e.missing.length > 0 && e.decidedBy !== 'public_body' ? (
        <Text>{t('profiles.sme.missing', { fields: f.list(e.missing.map(fieldName)) })}</Text>
      ) : null}
      {e.aggregated ? (
        <Text>
          {e.relations.some((r) => r.counted !== 'ignored')
            ? t('profiles.sme.countedWithRelations', {
                staff: awu(e.aggregated.headcount),
                turnover: money(e.aggregated.annualTurnoverCents),
                balance: money(e.aggregated.balanceSheetCents),
              })
            : t('profiles.sme.counted', {
                staff: awu(e.aggregated.headcount),
                turnover: money(e.aggregated.annualTurnoverCents),
                balance: money(e.aggregated.balanceSheetCents),
              })}
        </Text>
      ) : null}
      {e.relations.length > 0 ? (
        <div>
          <Text fw={600} size="sm">
            {t('profiles.sme.relationsTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {e.relations.map((r) => {
              const name = profile.relations[r.position]?.name ?? t('profiles.relations.row', { n: r.position + 1 })
              const share = f.number(r.sharePercent, { maximumFractionDigits: 2 })
              return (
                <List.Item key={r.position}>
                  {t(`profiles.sme.relation.${r.reason}`, {
                    name,
                    share,
                    staff: awu(r.contribution.headcount),
                    turnover: money(r.contribution.annualTurnoverCents),
                    balance: money(r.contribution.balanceSheetCents),
                  })}
                </List.Item>
              )
            })}
          </List>
        </div>
      ) : null}
      {e.tests.length > 0 && e.aggregated ? (
        <div>
          <Text fw={600} size="sm">
            {t('profiles.sme.testsTitle')}
          </Text>
          <List size="sm" spacing={6} listStyleType="none" pl={0}>
            {e.tests.map((test) => (
              <ThresholdLine key={test.class} test={test} e={e} money={money} awu={awu} />
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  )
}

function ThresholdLine({
  test,
  e,
  money,
  awu,
}: {
  test: SmeThresholdTest
  e: SmeExplanation
  money: (cents: number | null) => string
  awu: (n: number | null) => string
}) {
  const { t } = useTranslation()
  const a = e.aggregated!
  const parts = [
    t(test.staffPassed ? 'profiles.sme.staffBelow' : 'profiles.sme.staffNotBelow', {
      value: awu(a.headcount),
      limit: test.staffLimit,
    }),
    t(test.turnoverPassed ? 'profiles.sme.turnoverWithin' : 'profiles.sme.turnoverAbove', {
      value: money(a.annualTurnoverCents),
      limit: money(test.turnoverLimitCents),
    }),
    t(test.balanceSheetPassed ? 'profiles.sme.balanceWithin' : 'profiles.sme.balanceAbove', {
      value: money(a.balanceSheetCents),
      limit: money(test.balanceSheetLimitCents),
    }),
  ]
  const Icon = test.passed ? IconCircleCheck : IconCircleX
  return (
    <List.Item
      icon={
        <Icon
          size={18}
          aria-hidden
          color={test.passed ? 'var(--mantine-color-green-8)' : 'var(--mantine-color-gray-6)'}
        />
      }
    >
      <Text component="span" size="sm" fw={700}>
        {t(`profiles.sme.class.${test.class}`)}
      </Text>{' '}
      <Text component="span" size="sm">
        {test.passed ? t('profiles.sme.met') : t('profiles.sme.notMet')} {parts.join('; ')}.
        {test.staffPassed && !test.turnoverPassed && !test.balanceSheetPassed
          ? ` ${t('profiles.sme.neitherFinancial')}`
          : ''}
      </Text>
    </List.Item>
  )
}
