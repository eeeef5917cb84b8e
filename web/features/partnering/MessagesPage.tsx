import {
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useParams } from '@tanstack/react-router'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { partneringLimits, type ThreadSummary } from '../../../shared/contracts/partnering.ts'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { PartneringTabs } from './shared.tsx'

function ThreadItem({ th, active, onOpen }: { th: ThreadSummary; active: boolean; onOpen: () => void }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-current={active ? 'true' : undefined}
      p="sm"
      style={{
        display: 'block',
        width: '100%',
        borderRadius: 'var(--mantine-radius-sm)',
        background: active ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={th.unread > 0 ? 700 : 500} lineClamp={1}>
          {th.participants.map((p) => p.name).join(', ') || th.subject}
        </Text>
        {th.unread > 0 ? (
          <Badge size="sm" circle aria-label={t('partnering.messages.unread', { count: th.unread })}>
            {th.unread}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {th.subject}
      </Text>
      {th.lastMessage ? (
        <Text size="xs" lineClamp={1}>
          {th.lastMessage}
        </Text>
      ) : null}
      {th.lastMessageAt ? (
        <Text size="xs" c="dimmed">
          {f.dateTime(th.lastMessageAt)}
        </Text>
      ) : null}
    </UnstyledButton>
  )
}

function ThreadView({ threadId }: { threadId: string }) {
  const { t } = useTranslation()
  const f = useFormat()
  const qc = useQueryClient()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const q = useQuery({ queryKey: partneringKeys.thread(threadId), queryFn: () => partneringApi.thread(threadId) })
  const unreadHere = q.data?.unread ?? 0
  useEffect(() => {
    if (unreadHere > 0) {
      partneringApi.markRead(threadId).then(() => {
        qc.invalidateQueries({ queryKey: partneringKeys.threads })
        qc.invalidateQueries({ queryKey: partneringKeys.unread })
      })
    }
  }, [threadId, unreadHere, qc])
  const send = useMutation({
    mutationFn: () => partneringApi.send(threadId, { body: body.trim() }),
    onSuccess: () => {
      setBody('')
      qc.invalidateQueries({ queryKey: partneringKeys.thread(threadId) })
      qc.invalidateQueries({ queryKey: partneringKeys.threads })
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) {
      setError(t('validation.required'))
      return
    }
    setError(null)
    send.mutate()
  }
  if (q.error) return <ErrorAlert error={q.error} />
  if (!q.data) return <Skeleton height={300} />
  const th = q.data
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {th.participants.map((p) => p.name).join(', ')}
          </Title>
          {th.post ? (
            <AnchorLink size="sm" to="/app/partnering/posts/$postId" params={{ postId: th.post.id }}>
              {th.subject}
            </AnchorLink>
          ) : (
            <Text size="sm">{th.subject}</Text>
          )}
        </div>
        <ScrollArea.Autosize mah="60vh" type="auto">
          <Stack
            gap="xs"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('partnering.messages.list')}
          >
            {th.messages.map((m) => (
              <Box
                component="li"
                key={m.id}
                style={{ alignSelf: m.mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 36rem)' }}
              >
                <Paper
                  p="xs"
                  radius="md"
                  bg={m.mine ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-light)'}
                >
                  <Text size="xs" c="dimmed">
                    {m.author?.name ?? t('partnering.messages.formerMember')} · {f.dateTime(m.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {m.body}
                  </Text>
                </Paper>
              </Box>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('partnering.messages.compose')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={partneringLimits.message}
              value={body}
              error={error}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <ErrorAlert error={send.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending}>
                {t('partnering.messages.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  )
}

/** Conversations between organisations that accepted each other: the list, one thread, a composer. */
export function MessagesPage() {
  const { t } = useTranslation()
  const params = useParams({ strict: false }) as { threadId?: string }
  const navigate = useNavigate()
  const narrow = useMediaQuery('(max-width: 48em)')
  const threads = useQuery({ queryKey: partneringKeys.threads, queryFn: () => partneringApi.threads() })
  const current = params.threadId
  const list = (
    <Paper withBorder radius="md" p="xs">
      <Stack gap={2} component="nav" aria-label={t('partnering.messages.threads')}>
        {threads.data?.items.map((th) => (
          <ThreadItem
            key={th.id}
            th={th}
            active={th.id === current}
            onOpen={() => navigate({ to: '/app/messages/$threadId', params: { threadId: th.id } })}
          />
        ))}
      </Stack>
    </Paper>
  )
  return (
    <>
      <PageHeader title={t('partnering.messages.title')} description={t('partnering.messages.description')} />
      <PartneringTabs current="messages" />
      <ErrorAlert error={threads.error} />
      {threads.isLoading ? <Skeleton height={240} /> : null}
      {threads.data && threads.data.items.length === 0 ? (
        <EmptyState title={t('partnering.messages.empty')} description={t('partnering.messages.emptyText')} />
      ) : threads.data ? (
        <Grid>
          {!narrow || !current ? <Grid.Col span={{ base: 12, md: 4 }}>{list}</Grid.Col> : null}
          <Grid.Col span={{ base: 12, md: 8 }}>
            {current ? (
              <Stack gap="xs">
                {narrow ? (
                  <AnchorLink to="/app/messages" size="sm">
                    ← {t('partnering.messages.back')}
                  </AnchorLink>
                ) : null}
                <ThreadView threadId={current} />
              </Stack>
            ) : narrow ? null : (
              <Text c="dimmed">{t('partnering.messages.pick')}</Text>
            )}
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  )
}
