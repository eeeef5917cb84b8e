import { Anchor, Badge, Box, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrganisationProfilePageProps, PublicProfile } from '../../../shared/contracts/profiles.ts'
import { createFormatter, flagEmoji, useFormat } from '../../design-system/format.ts'

/**
 * The public page of an organisation, /organisations/:publicRef (server-rendered, hydrated). It renders
 * only what the server put in the props: the identity (name, logo, website, region, founding year) is
 * there only when the organisation lets the public see it; otherwise the page says "Anonymous SME from
 * <country>" and shows what an anonymous profile may show.
 */
export function OrganisationPublicProfile({ programme, profile: p, solutions }: OrganisationProfilePageProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const title = profileTitle(p, t, f.country)
  return (
    <Stack gap="xl">
      <nav aria-label={t('profiles.public.breadcrumb')}>
        <Anchor href="/" size="sm">
          {programme?.acronym ?? t('app.name')}
        </Anchor>
      </nav>
      <Box component="article" aria-labelledby="profile-title">
        <Group gap="lg" align="center" wrap="nowrap" mb="md">
          {p.identity?.logoUrl ? (
            <Image
              src={p.identity.logoUrl}
              alt={t('profiles.public.logoAlt', { name: p.identity.name })}
              w={72}
              h={72}
              fit="contain"
              radius="md"
            />
          ) : null}
          <div>
            <Title order={1} id="profile-title" fz={{ base: 26, sm: 34 }} lh={1.2}>
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('profiles.public.reference', { ref: p.publicRef })}
            </Text>
          </div>
        </Group>
        <Group gap="xs" mb="lg" wrap="wrap">
          <Badge variant="light">{t(`organisationTypes.${p.type}`)}</Badge>
          <Badge variant="light" color={p.smeStatus && p.smeStatus !== 'not_sme' ? 'green' : 'gray'}>
            {t(`profiles.smeStatus.${p.smeStatus ?? 'unknown'}`)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            <span aria-hidden="true">{flagEmoji(p.country)} </span>
            <span suppressHydrationWarning>{f.country(p.country)}</span>
          </Badge>
        </Group>
        {p.identity ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="xl" component="dl" m={0}>
            <Fact label={t('profiles.public.website')}>
              {p.identity.website ? (
                <Anchor href={p.identity.website} rel="noopener noreferrer nofollow">
                  {p.identity.website.replace(/^https?:\/\//, '')}
                </Anchor>
              ) : null}
            </Fact>
            <Fact label={t('profiles.public.region')}>{p.identity.region}</Fact>
            <Fact label={t('profiles.public.founded')}>{p.identity.foundedYear}</Fact>
          </SimpleGrid>
        ) : (
          <Card withBorder padding="md" radius="md" mb="xl" bg="gray.0">
            <Text size="sm">{t('profiles.public.anonymousNote')}</Text>
          </Card>
        )}
        <Stack gap="lg" maw={820} mt="xl">
          <Section id="about" title={t('profiles.public.about')}>
            {p.description ? (
              <Text lang={p.language} style={{ whiteSpace: 'pre-wrap' }}>
                {p.description}
              </Text>
            ) : (
              <Text c="dimmed">{t('profiles.public.noDescription')}</Text>
            )}
          </Section>
          {p.tags.length > 0 ? (
            <Section id="expertise" title={t('profiles.public.expertise')}>
              <Group gap="xs">
                {p.tags.map((tag) => (
                  <Badge key={tag.id} variant="outline" color="gray" tt="none">
                    {tag.name}
                  </Badge>
                ))}
              </Group>
            </Section>
          ) : null}
          <Section id="solutions" title={t('profiles.public.solutions', { count: p.solutionCount })}>
            {solutions.length === 0 ? (
              <Text c="dimmed">{t('profiles.public.noSolutions')}</Text>
            ) : (
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {solutions.map((s) => (
                  <Card key={s.reference} component="li" withBorder padding="md" radius="md">
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Text fw={700} component="h3" m={0} fz="md">
                        <Anchor href={`/solutions/${encodeURIComponent(s.reference)}`}>{s.name}</Anchor>
                      </Text>
                      {s.assessedTrl ? (
                        <Badge variant="light" color="cascade">
                          {t('profiles.public.trl', { level: s.assessedTrl })}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" mt={4}>
                      {s.pitch}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )}
          </Section>
        </Stack>
      </Box>
    </Stack>
  )
}

/** The page's heading: the name when shown, else "Anonymous SME from Belgium". */
export function profileTitle(p: PublicProfile, t: TFunction, country: (code: string) => string): string {
  if (p.identity) return p.identity.name
  return p.type === 'sme'
    ? t('profiles.public.anonymousSme', { country: country(p.country) })
    : t('profiles.public.anonymousOrganisation', { country: country(p.country) })
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} id={`${id}-title`} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md" radius="md">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700}>
        {children || t('common.notGiven')}
      </Text>
    </Card>
  )
}

/**
 * Head of a profile page. Built from the same props as the body, so it can never say more than the
 * page: an anonymous profile's title, description and Open Graph tags carry no name.
 */
export function organisationProfileHead(
  { programme, profile }: OrganisationProfilePageProps,
  locale: string,
  t: TFunction,
) {
  const f = createFormatter(locale)
  const label = profileTitle(profile, t, f.country)
  const summary =
    profile.description.trim().slice(0, 200) ||
    t('profiles.public.ogFallback', {
      type: t(`organisationTypes.${profile.type}`),
      country: f.country(profile.country),
    })
  return {
    title: t('profiles.public.documentTitle', { label, acronym: programme?.acronym ?? '', app: t('app.name') }),
    description: summary,
    ogTitle: label,
    ogDescription: summary,
  }
}
