import { Anchor, Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CallListPageProps } from '../../../shared/contracts/call-pages.ts'
import type { CallPhase, CallSummary } from '../../../shared/contracts/calls.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { Breadcrumbs } from '../catalogue/Breadcrumbs.tsx'
import { euros, inZone } from './call-format.ts'
import { callHref, callsPhaseHref } from './links.ts'

const phaseColours: Record<CallPhase, string> = {
  draft: 'gray',
  scheduled: 'blue',
  open: 'green',
  closed: 'gray',
  cancelled: 'red',
}

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={phaseColours[phase]}>
      {t(`calls.public.phase.${phase}`)}
    </Badge>
  )
}

const filters: (CallPhase | null)[] = [null, 'open', 'scheduled', 'closed']

/** The programme's published calls, open ones first, with a filter by phase (plain links). */
export function CallList({ programme, calls, phase }: CallListPageProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="xl">
      <Breadcrumbs items={[{ label: programme.acronym, href: '/' }, { label: t('calls.public.list.title') }]} />
      <Box component="section" aria-labelledby="calls-title">
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {programme.acronym}
        </Text>
        <Title order={1} id="calls-title" fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {t('calls.public.list.title')}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="lg">
          {t('calls.public.list.intro', { acronym: programme.acronym })}
        </Text>
        <nav aria-label={t('calls.public.list.filter')}>
          <Group component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {filters.map((p) => (
              <li key={p ?? 'all'}>
                <Anchor
                  href={callsPhaseHref(p)}
                  fw={p === phase ? 700 : 400}
                  aria-current={p === phase ? 'page' : undefined}
                >
                  {p ? t(`calls.public.phase.${p}`) : t('calls.public.list.all')}
                </Anchor>
              </li>
            ))}
          </Group>
        </nav>
      </Box>
      <Box component="section" aria-labelledby="results-title">
        <Title order={2} id="results-title" size="h4" mb="md">
          {t('calls.public.list.count', { n: calls.length })}
        </Title>
        {calls.length === 0 ? (
          <Text c="dimmed">{t('calls.public.list.empty')}</Text>
        ) : (
          <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {calls.map((c) => (
              <CallCard key={c.id} call={c} />
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  )
}

function CallCard({ call: c }: { call: CallSummary }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const s = c.schedule
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Group gap="xs" mb="xs" wrap="wrap">
        <Badge variant="outline" color="gray">
          {c.code}
        </Badge>
        <PhaseBadge phase={c.phase} />
      </Group>
      <Title order={3} size="h4" mb={4}>
        <Anchor href={callHref(c.code)} inherit>
          {localized(c.title, i18n.language)}
        </Anchor>
      </Title>
      <Text mb="sm" c="dimmed" lineClamp={3}>
        {localized(c.summary, i18n.language)}
      </Text>
      <Stack gap={2}>
        <Text size="sm" suppressHydrationWarning>
          {t('calls.public.list.opens', inZone(f, s.opensAt, s.timeZone))}
        </Text>
        <Text size="sm" fw={700} suppressHydrationWarning>
          {t('calls.public.list.deadline', inZone(f, s.deadline, s.timeZone))}
        </Text>
        <Text size="sm" suppressHydrationWarning>
          {t('calls.public.list.money', {
            total: euros(f, c.budgetTotalCents),
            perProject: euros(f, c.maxPerProjectCents),
          })}
          {' · '}
          {t('calls.public.list.challenges', { n: c.challengeCount })}
        </Text>
      </Stack>
    </Card>
  )
}

/** Head of the list of calls. */
export function callListHead({ programme }: CallListPageProps, t: TFunction) {
  const intro = t('calls.public.list.intro', { acronym: programme.acronym })
  return {
    title: t('calls.public.list.documentTitle', { acronym: programme.acronym, app: t('app.name') }),
    description: intro,
    ogTitle: t('calls.public.list.ogTitle', { acronym: programme.acronym }),
    ogDescription: intro,
  }
}
