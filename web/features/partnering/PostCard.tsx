import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PartneringPost } from '../../../shared/contracts/partnering.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { AnchorLink } from '../../design-system/links.tsx'
import { KindBadge, OrganisationLine, PostStatusBadge } from './shared.tsx'

/** The links of a post to its call and challenge (their public pages). */
export function PostLinks({ post }: { post: PartneringPost }) {
  const { t, i18n } = useTranslation()
  if (!post.call && !post.challenge) return null
  return (
    <Group gap="md" wrap="wrap">
      {post.call ? (
        <Text size="sm">
          {t('partnering.fields.call')}:{' '}
          <Anchor href={`/calls/${encodeURIComponent(post.call.code)}`}>
            {post.call.code} — {localized(post.call.title, i18n.language)}
          </Anchor>
        </Text>
      ) : null}
      {post.challenge ? (
        <Text size="sm">
          {t('partnering.fields.challenge')}:{' '}
          <Anchor href={`/challenges/${encodeURIComponent(post.challenge.slug)}`}>
            {post.challenge.code} — {post.challenge.title}
          </Anchor>
        </Text>
      ) : null}
    </Group>
  )
}

/** One post in a list: kind, title (a link to it), who, expiry, links, tags. */
export function PostCard({ post, showStatus = false }: { post: PartneringPost; showStatus?: boolean }) {
  const { t } = useTranslation()
  const f = useFormat()
  const excerpt = post.description.length > 260 ? `${post.description.slice(0, 259)}…` : post.description
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <KindBadge kind={post.kind} />
          {showStatus ? <PostStatusBadge post={post} /> : null}
          {post.anonymous ? (
            <Badge variant="outline" color="gray">
              {t('partnering.anonymousBadge')}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            {post.reference}
          </Text>
        </Group>
        <Title order={2} size="h4">
          <AnchorLink to="/app/partnering/posts/$postId" params={{ postId: post.id }}>
            {post.title}
          </AnchorLink>
        </Title>
        <OrganisationLine org={post.organisation} />
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {excerpt}
        </Text>
        <PostLinks post={post} />
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap={4} wrap="wrap">
            {post.tags.map((tag) => (
              <Badge key={tag.id} variant="dot" color="gray" style={{ textTransform: 'none' }}>
                {tag.name}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c={post.expired ? 'red' : 'dimmed'}>
            {post.expired
              ? t('partnering.expiredOn', { date: f.dateShort(post.expiresAt) })
              : t('partnering.expiresOn', { date: f.dateShort(post.expiresAt) })}
          </Text>
        </Group>
        {post.interestCounts && post.mine ? (
          <Text size="sm" fw={500}>
            {t('partnering.interestCounts', {
              pending: post.interestCounts.pending,
              accepted: post.interestCounts.accepted,
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
