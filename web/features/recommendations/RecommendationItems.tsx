import { Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Recommendation, RecommendationFact } from '../../../shared/contracts/recommendations.ts'

/** Where an item's page is: the public solution, profile, challenge or call page. */
export function itemHref(item: Recommendation): string | null {
  const enc = encodeURIComponent
  switch (item.kind) {
    case 'solution':
      return item.reference ? `/solutions/${enc(item.reference)}` : null
    case 'organisation':
      return item.reference ? `/organisations/${enc(item.reference)}` : null
    case 'challenge':
      return item.detail ? `/challenges/${enc(item.detail)}` : null
    case 'call':
      return item.reference ? `/calls/${enc(item.reference)}` : null
  }
}

/** One fact of an explanation, in words. */
export function FactText({ fact }: { fact: RecommendationFact }) {
  const { t } = useTranslation()
  const p = fact.params
  const params: Record<string, string | number> = { ...p }
  if (fact.code === 'adds_end_user' && typeof p.type === 'string') params.type = t(`organisationTypes.${p.type}`)
  if (fact.code === 'call_closes' && typeof p.closesAt === 'string') {
    params.closesAt = new Date(p.closesAt).toLocaleDateString()
  }
  return <>{t(`recommend.fact.${fact.code}`, params)}</>
}

function Why({ item }: { item: Recommendation }) {
  const { t } = useTranslation()
  const e = item.explanation
  const words = e.words.slice(0, 6)
  return (
    <Stack gap={4}>
      {words.length > 0 ? (
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed" component="span">
            {t('recommend.sharedWords')}
          </Text>
          {words.map((w) => (
            <Badge key={`${w.word}-${w.itemWord}`} size="sm" variant="light" tt="none">
              {w.word === w.itemWord ? w.word : `${w.word} ≈ ${w.itemWord}`}
            </Badge>
          ))}
        </Group>
      ) : null}
      {e.sharedTags.length > 0 ? (
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed" component="span">
            {t('recommend.sharedTags')}
          </Text>
          {e.sharedTags.map((tag) => (
            <Badge key={tag.id} size="sm" variant="outline" color="gray" tt="none">
              {tag.name}
            </Badge>
          ))}
        </Group>
      ) : null}
      {e.facts.length > 0 ? (
        <Stack gap={0} component="ul" m={0} pl="md">
          {e.facts.map((f) => (
            <Text key={`${f.code}-${JSON.stringify(f.params)}`} size="xs" component="li">
              <FactText fact={f} />
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}

function Item({ item, best }: { item: Recommendation; best: number }) {
  const { t } = useTranslation()
  const labelId = useId()
  const href = itemHref(item)
  const title = item.title ?? t('recommend.anonymous', { ref: item.reference ?? '' })
  const percent = best > 0 ? Math.round((100 * item.score) / best) : 0
  const org = item.organisation
  return (
    <Stack gap={6} component="li" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} id={labelId} style={{ overflowWrap: 'anywhere' }}>
            {href ? <Anchor href={href}>{title}</Anchor> : title}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              item.kind !== 'organisation' && org ? (org.name ?? t('recommend.hiddenOwner')) : null,
              org?.country ?? null,
              item.trl !== null ? `TRL ${item.trl}` : null,
              item.kind === 'solution' || item.kind === 'organisation' ? null : item.reference,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Stack gap={2} style={{ flex: '0 0 8rem' }}>
          {/* The bar is the section (role progressbar, named by the item's title); its value reads as a percentage. */}
          <Progress.Root size="md">
            <Progress.Section value={percent} aria-labelledby={labelId} />
          </Progress.Root>
          <Text size="xs" c="dimmed" ta="right">
            {t('recommend.score', { score: item.score.toFixed(2) })}
          </Text>
        </Stack>
      </Group>
      <Why item={item} />
    </Stack>
  )
}

/** Ranked items with a score bar (relative to the best) and the reasons. */
export function RecommendationItems({ items }: { items: Recommendation[] }) {
  const { t } = useTranslation()
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('recommend.none')}
      </Text>
    )
  }
  const best = Math.max(...items.map((i) => i.score))
  return (
    <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item, i) => (
        <Item key={item.id ?? `${item.reference}-${i}`} item={item} best={best} />
      ))}
    </Stack>
  )
}
