import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogueItem, CatalogueOwner, SnippetPart } from '../../../shared/contracts/catalogue.ts'
import type { TrlWindow } from '../../../shared/contracts/trl.ts'
import { flagEmoji, localized, useFormat } from '../../design-system/format.ts'
import { TrlFitBadge, TypeBadge } from '../solutions/labels.tsx'
import { organisationHref } from './links.ts'
import classes from './SolutionsCatalogue.module.css'

/** The matched words of a search snippet, marked; the text is plain (never HTML from the server). */
export function Snippet({ parts, lang }: { parts: SnippetPart[]; lang: string }) {
  return (
    <Text size="sm" c="dimmed" lang={lang} className={classes.snippet}>
      {parts.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their order
          <mark key={i}>{p.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their order
          <span key={i}>{p.text}</span>
        ),
      )}
    </Text>
  )
}

/**
 * Who offers it, as the caller may know: the name when disclosed, else "Owner not disclosed" with the
 * profile's public reference when it has one; then country and size class, which identify no one.
 * `linkProfiles`: public pages link the owner to its public profile page.
 */
export function OwnerLine({ owner, linkProfiles = false }: { owner: CatalogueOwner; linkProfiles?: boolean }) {
  const { t } = useTranslation()
  const f = useFormat()
  const profile = (label: string) =>
    linkProfiles && owner.publicRef ? <Anchor href={organisationHref(owner.publicRef)}>{label}</Anchor> : label
  const who: ReactNode = owner.disclosed
    ? profile(owner.name ?? '')
    : owner.publicRef
      ? profile(t('solutions.ownerHiddenRef', { ref: owner.publicRef }))
      : t('solutions.ownerHidden')
  return (
    <Text size="sm">
      <span className={classes.ownerLabel}>{t('solutionCatalogue.card.owner')}</span> {who}
      {' · '}
      <span aria-hidden="true">{flagEmoji(owner.country)}</span>{' '}
      <span suppressHydrationWarning>{f.country(owner.country)}</span>
      {owner.smeStatus ? ` · ${t(`profiles.smeStatus.${owner.smeStatus}`)}` : null}
    </Text>
  )
}

/** "TRL 6" or "TRL not assessed", and whether it fits the window ("Fits TRL 5–8"). */
export function TrlBadges({ trl, fits, window }: { trl: number | null; fits: boolean | null; window: TrlWindow }) {
  const { t } = useTranslation()
  return (
    <>
      <Badge variant="filled" color={trl === null ? 'gray' : 'cascade'}>
        {trl === null ? t('solutionCatalogue.card.trlNone') : t('solutionCatalogue.card.trl', { level: trl })}
      </Badge>
      {trl === null ? null : <TrlFitBadge fits={fits} window={window} />}
    </>
  )
}

/** One solution in a result list: badges, name (the link), pitch, where the words matched, owner, domains. */
export function SolutionCard({
  item,
  window,
  title,
  linkProfiles = false,
}: {
  item: CatalogueItem
  window: TrlWindow
  /** The name as a link (a plain anchor on public pages, a router link in the app). */
  title: ReactNode
  linkProfiles?: boolean
}) {
  const { t, i18n } = useTranslation()
  return (
    <Card component="li" withBorder padding="lg" radius="md">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <TypeBadge type={item.type} />
          <TrlBadges trl={item.trl} fits={item.fitsWindow} window={window} />
        </Group>
        <Title order={3} size="h4" lang={item.language} className={classes.cardTitle}>
          {title}
        </Title>
        <Text size="sm" lang={item.language}>
          {item.pitch}
        </Text>
        {item.snippet ? <Snippet parts={item.snippet} lang={item.language} /> : null}
        <OwnerLine owner={item.owner} linkProfiles={linkProfiles} />
        {item.domains.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('solutionCatalogue.card.domains', {
              domains: item.domains.map((d) => `${d.code} · ${localized(d.name, i18n.language)}`).join(', '),
            })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  )
}
