import { Anchor, Badge, Box, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBuildingBank, IconCalendarEvent, IconShieldCheck, IconUsersGroup } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallSummary, Programme } from '../../../shared/contracts/programmes.ts'
import { Deadline } from '../../design-system/Deadline.tsx'
import { flagEmoji, localized, useFormat } from '../../design-system/format.ts'

export interface ProgrammeHomeProps {
  programme: Programme
  /** Replaces the sign-in / sign-up call to action (the app shows "Go to your dashboard" to a signed-in person). */
  cta?: ReactNode
}

/** Paragraphs of a text written with blank lines between them. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <Text key={p.slice(0, 40)} mb="sm">
            {p}
          </Text>
        ))}
    </>
  )
}

/**
 * The public home of a programme: what it is, its dates, domains, partner clusters and open calls, and the
 * way in. Rendered on the server (web/public/entry-server.tsx) and in the app (/app/programme) from the same
 * `Programme` contract; every Intl-formatted text tolerates a different ICU build between server and browser.
 */
export function ProgrammeHome({ programme, cta }: ProgrammeHomeProps) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const lang = i18n.language
  const openCalls = programme.calls.filter((c) => c.status !== 'closed')
  const closedCalls = programme.calls.filter((c) => c.status === 'closed')
  const coordinator = programme.clusters.find((c) => c.role === 'coordinator')

  return (
    <Stack gap={48}>
      <Box component="section" aria-labelledby="programme-title">
        <Text fw={700} c="cascade.8" tt="uppercase" size="sm" mb={4}>
          {t('programme.eyebrow', { acronym: programme.acronym })}
        </Text>
        <Title order={1} id="programme-title" fz={{ base: 28, sm: 40 }} lh={1.15} mb="md">
          {programme.name}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="lg">
          {localized(programme.summary, lang)}
        </Text>
        {cta ?? (
          <Group gap="sm">
            <Button component="a" href="/app/sign-up" size="md">
              {t('programme.cta.signUp')}
            </Button>
            <Button component="a" href="/app/sign-in" size="md" variant="default">
              {t('programme.cta.signIn')}
            </Button>
          </Group>
        )}
      </Box>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="section" aria-label={t('programme.facts')}>
        <Fact icon={<IconCalendarEvent size={20} />} label={t('programme.duration')}>
          <span suppressHydrationWarning>
            {t('programme.fromTo', { from: f.date(programme.startsOn), to: f.date(programme.endsOn) })}
          </span>
        </Fact>
        <Fact icon={<IconUsersGroup size={20} />} label={t('programme.clusters.count')}>
          {f.number(programme.clusters.length)}
        </Fact>
        <Fact icon={<IconShieldCheck size={20} />} label={t('programme.domains.count')}>
          {f.number(programme.domains.length)}
        </Fact>
        <Fact icon={<IconBuildingBank size={20} />} label={t('programme.coordinator')}>
          {coordinator ? (coordinator.shortName ?? coordinator.name) : '—'}
        </Fact>
      </SimpleGrid>

      <Box component="section" aria-labelledby="calls-title">
        <Title order={2} id="calls-title" mb="md">
          {t('programme.calls.title')}
        </Title>
        {programme.calls.length === 0 ? (
          <Text c="dimmed">{t('programme.calls.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {[...openCalls, ...closedCalls].map((call) => (
              <CallCard key={call.id} call={call} />
            ))}
          </SimpleGrid>
        )}
      </Box>

      <Box component="section" aria-labelledby="about-title">
        <Title order={2} id="about-title" mb="md">
          {t('programme.about')}
        </Title>
        <Box maw={800}>
          <Paragraphs text={localized(programme.description, lang)} />
          {programme.grantReference ? (
            <Text size="sm" c="dimmed">
              {t('programme.grantReference', { reference: programme.grantReference })}
            </Text>
          ) : null}
          {programme.website ? (
            <Anchor href={programme.website} rel="noopener" size="sm">
              {t('programme.website')}
            </Anchor>
          ) : null}
        </Box>
      </Box>

      <Box component="section" aria-labelledby="domains-title">
        <Title order={2} id="domains-title" mb="md">
          {t('programme.domains.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {programme.domains.map((d) => (
            <Card key={d.id} withBorder padding="lg" radius="md">
              <Title order={3} size="h4" mb="xs">
                <Anchor href={`/domains/${encodeURIComponent(d.code)}`}>{localized(d.name, lang)}</Anchor>
              </Title>
              <Text size="sm">{localized(d.description, lang)}</Text>
              <Anchor href={`/challenges?domain=${encodeURIComponent(d.code)}`} size="sm" mt="sm" display="block">
                {t('catalogue.browseDomain', { code: d.code })}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
        <Group gap="lg" mt="md">
          <Anchor href="/domains">{t('catalogue.domains.all')}</Anchor>
          <Anchor href="/challenges">{t('catalogue.browseAll')}</Anchor>
        </Group>
      </Box>

      <Box component="section" aria-labelledby="clusters-title">
        <Title order={2} id="clusters-title" mb="xs">
          {t('programme.clusters.title')}
        </Title>
        <Text c="dimmed" mb="md" maw={760}>
          {t('programme.clusters.intro')}
        </Text>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 4 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {programme.clusters.map((c) => (
            <Card key={c.id} withBorder padding="md" radius="md" component="li">
              <Stack gap={6}>
                <Title order={3} size="h5">
                  {c.website ? (
                    <Anchor href={c.website} rel="noopener" c="inherit">
                      {c.name}
                    </Anchor>
                  ) : (
                    c.name
                  )}
                </Title>
                <Text size="sm" suppressHydrationWarning>
                  <span aria-hidden="true">{flagEmoji(c.country)} </span>
                  {f.country(c.country)}
                </Text>
                <Group gap={6}>
                  <Badge variant={c.role === 'coordinator' ? 'filled' : 'light'} color="cascade">
                    {t(`clusterRoles.${c.role}`)}
                  </Badge>
                </Group>
                {localized(c.description, lang) ? (
                  <Text size="sm" c="dimmed" lineClamp={4}>
                    {localized(c.description, lang)}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Box>
    </Stack>
  )
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fw={700}>{children}</Text>
        </Stack>
      </Group>
    </Card>
  )
}

function CallCard({ call }: { call: CallSummary }) {
  const { t, i18n } = useTranslation()
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">
            <Anchor href={`/calls/${encodeURIComponent(call.code)}`} inherit>
              {localized(call.title, i18n.language)}
            </Anchor>
          </Title>
          <Badge
            variant="light"
            color={call.status === 'open' ? 'green' : call.status === 'upcoming' ? 'blue' : 'gray'}
          >
            {t(`callStatus.${call.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('programme.calls.code', { code: call.code })}
        </Text>
        <List spacing="xs" listStyleType="none" styles={{ itemWrapper: { display: 'block' } }} p={0}>
          <List.Item>
            <Text size="sm" fw={600}>
              {t('programme.calls.opens')}
            </Text>
            <Deadline value={call.opensAt} timeZone={call.timeZone} />
          </List.Item>
          <List.Item mt="xs">
            <Text size="sm" fw={600}>
              {t('programme.calls.closes')}
            </Text>
            <Deadline value={call.closesAt} timeZone={call.timeZone} />
          </List.Item>
        </List>
      </Stack>
    </Card>
  )
}

/** Head data of the programme page (title, description, Open Graph), in the page's language. */
export function programmeHead(programme: Programme, locale: string, t: TFunction) {
  const summary = localized(programme.summary, locale)
  const label = programme.name.includes(programme.acronym) ? programme.name : `${programme.acronym} — ${programme.name}`
  return {
    title: t('programme.documentTitle', { label, app: t('app.name') }),
    description: summary,
    ogTitle: label,
    ogDescription: summary,
  }
}
