import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartneringPost } from '../../../shared/contracts/partnering.ts'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { InterestCard } from './InterestCard.tsx'
import { InterestDialog } from './InterestDialog.tsx'
import { PostLinks } from './PostCard.tsx'
import { InterestBadge, KindBadge, OrganisationLine, PostStatusBadge } from './shared.tsx'

const route = getRouteApi('/app/partnering/posts/$postId')

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  )
}

/** The post's owner: publish or close it, and the interests it received, to accept or decline. */
function OwnerPanel({ post }: { post: PartneringPost }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const interests = useQuery({
    queryKey: partneringKeys.interests(post.id),
    queryFn: () => partneringApi.interests(post.id),
  })
  const change = useMutation({
    mutationFn: (action: 'publish' | 'close') =>
      action === 'publish' ? partneringApi.publish(post.id) : partneringApi.close(post.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: partneringKeys.all }),
  })
  return (
    <Stack gap="md">
      <Group gap="xs">
        {post.abilities.update?.allowed ? (
          <ButtonLink variant="default" to="/app/partnering/posts/$postId/edit" params={{ postId: post.id }}>
            {t('partnering.edit')}
          </ButtonLink>
        ) : null}
        {post.abilities.publish?.allowed ? (
          <Button loading={change.isPending} onClick={() => change.mutate('publish')}>
            {t('partnering.publish')}
          </Button>
        ) : null}
        {post.abilities.close?.allowed ? (
          <Button variant="default" loading={change.isPending} onClick={() => change.mutate('close')}>
            {t('partnering.close')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={change.error} />
      <Title order={2} size="h3">
        {t('partnering.received.title')}
      </Title>
      <ErrorAlert error={interests.error} />
      {interests.isLoading ? <Skeleton height={120} /> : null}
      {interests.data && interests.data.items.length === 0 ? (
        <EmptyState title={t('partnering.received.empty')} description={t('partnering.received.emptyText')} />
      ) : null}
      {interests.data?.items.map((i) => (
        <InterestCard key={i.id} interest={i} side="post" />
      ))}
    </Stack>
  )
}

export function PostPage() {
  const { t } = useTranslation()
  const f = useFormat()
  const { postId } = route.useParams()
  const [expressing, setExpressing] = useState(false)
  const q = useQuery({ queryKey: partneringKeys.post(postId), queryFn: () => partneringApi.get(postId) })
  const post = q.data
  const back = (
    <AnchorLink to="/app/partnering" size="sm">
      ← {t('partnering.market.title')}
    </AnchorLink>
  )
  if (q.error) {
    return (
      <>
        <PageHeader title={t('partnering.post.notFound')} above={back} />
        <ErrorAlert error={q.error} />
      </>
    )
  }
  if (!post) return <Skeleton height={320} />
  const express = post.abilities.expressInterest
  return (
    <>
      <PageHeader
        title={post.title}
        above={back}
        description={
          <Group gap="xs" wrap="wrap">
            <KindBadge kind={post.kind} />
            <PostStatusBadge post={post} />
            {post.anonymous ? (
              <Badge variant="outline" color="gray">
                {t('partnering.anonymousBadge')}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {post.reference}
            </Text>
          </Group>
        }
        actions={
          express?.allowed ? <Button onClick={() => setExpressing(true)}>{t('partnering.express.open')}</Button> : null
        }
      />
      <Stack gap="lg">
        {post.myInterest ? (
          <Alert icon={<IconInfoCircle aria-hidden />} variant="light">
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('partnering.post.yourInterest')}</Text>
              <InterestBadge status={post.myInterest.status} />
              <AnchorLink to="/app/partnering/interests" size="sm">
                {t('partnering.tabs.interests')}
              </AnchorLink>
            </Group>
          </Alert>
        ) : null}
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <OrganisationLine org={post.organisation} />
            {post.anonymous && !post.organisation.disclosed ? (
              <Text size="sm" c="dimmed">
                {t('partnering.post.anonymousHelp')}
              </Text>
            ) : null}
            <Field label={t('partnering.fields.description')}>{post.description}</Field>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {post.expertiseOffered ? (
                <Field label={t('partnering.fields.expertiseOffered')}>{post.expertiseOffered}</Field>
              ) : null}
              {post.expertiseSought ? (
                <Field label={t('partnering.fields.expertiseSought')}>{post.expertiseSought}</Field>
              ) : null}
            </SimpleGrid>
            <Field label={t('partnering.fields.countriesWanted')}>
              {post.countriesWanted.length === 0 ? (
                t('partnering.post.anyCountry')
              ) : (
                <Group gap="sm" wrap="wrap">
                  {post.countriesWanted.map((c) => (
                    <CountryName key={c} code={c} />
                  ))}
                </Group>
              )}
            </Field>
            {post.tags.length > 0 ? (
              <Field label={t('partnering.fields.tags')}>{post.tags.map((x) => x.name).join(', ')}</Field>
            ) : null}
            <PostLinks post={post} />
            <Text size="sm" c={post.expired ? 'red' : 'dimmed'}>
              {post.expired
                ? t('partnering.expiredOn', { date: f.dateTime(post.expiresAt) })
                : t('partnering.expiresOn', { date: f.dateTime(post.expiresAt) })}
            </Text>
          </Stack>
        </Paper>
        {!express?.allowed && !post.mine && express?.reason === 'wrong_status' && !post.myInterest ? (
          <Text size="sm" c="dimmed">
            {t('partnering.post.closedForInterest')}
          </Text>
        ) : null}
        {post.mine ? <OwnerPanel post={post} /> : null}
      </Stack>
      <InterestDialog post={post} opened={expressing} onClose={() => setExpressing(false)} />
    </>
  )
}
