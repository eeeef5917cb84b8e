import { Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { DiffSegment, FieldChange, HistoryEntry } from '../../../shared/contracts/challenges.ts'
import { api, queryKeys } from '../../app/api.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import classes from './ChallengeHistory.module.css'
import { fetchChallengeHistory, historyKey } from './history-client.ts'

const PAGE = 10

/**
 * The "History" card of a challenge: each version with its author, time and what changed (text word by
 * word, lists item by item), and the publication, call and use-case events, newest first; older entries
 * on demand.
 */
export function ChallengeHistoryCard({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation()
  const q = useInfiniteQuery({
    queryKey: historyKey(challengeId),
    queryFn: ({ pageParam }) => fetchChallengeHistory(challengeId, pageParam, PAGE),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  })
  const entries = q.data?.pages.flatMap((p) => p.items) ?? []
  const total = q.data?.pages[0]?.total ?? 0
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ch-history">
      <Title order={2} size="h3" id="ch-history" mb={4}>
        {t('challengesAdmin.history.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('challengesAdmin.history.intro')}
      </Text>
      {q.isLoading ? (
        <Stack>
          <Skeleton height={60} />
          <Skeleton height={60} />
        </Stack>
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Stack gap="lg">
          <Stack component="ol" gap="lg" className={classes.entries}>
            {entries.map((e) => (
              <Entry key={`${e.kind}-${e.at}-${e.version}-${e.subjects.join()}`} entry={e} />
            ))}
          </Stack>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('challengesAdmin.history.shown', { shown: entries.length, total })}
            </Text>
            {q.hasNextPage ? (
              <Button variant="default" size="xs" loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
                {t('challengesAdmin.history.older')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      )}
    </Card>
  )
}

function Entry({ entry: e }: { entry: HistoryEntry }) {
  const { t } = useTranslation()
  const f = useFormat()
  const who = e.actor.id === null && e.actor.name === 'system' ? t('challengesAdmin.history.system') : e.actor.name
  const what =
    e.kind === 'created' || e.kind === 'edited'
      ? t(`challengesAdmin.history.kinds.${e.kind}`, { version: e.version ?? '' })
      : t(`challengesAdmin.history.kinds.${e.kind}`, { subjects: e.subjects.join(', ') })
  return (
    <li className={classes.entry} data-kind={e.kind}>
      <Text fw={700} mb={4}>
        {what}
      </Text>
      <Text size="sm" c="dimmed" mb={e.changes.length ? 'xs' : 0}>
        {t('challengesAdmin.history.byAt', { name: who, at: f.dateTime(e.at) })}
        {e.version !== null && e.kind !== 'created' && e.kind !== 'edited'
          ? ` · ${t('challengesAdmin.versionN', { version: e.version })}`
          : null}
      </Text>
      {e.kind === 'edited' && e.changes.length === 0 ? (
        <Text size="sm">{t('challengesAdmin.history.noChange')}</Text>
      ) : null}
      {e.changes.length > 0 ? (
        <dl className={classes.changes}>
          {e.changes.map((c) => (
            <Fragment key={c.field}>
              <Text component="dt" size="sm" fw={700}>
                {fieldLabel(t, c.field)}
              </Text>
              <Text component="dd" size="sm">
                <Change change={c} />
              </Text>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </li>
  )
}

function fieldLabel(t: (k: string) => string, field: FieldChange['field']): string {
  return field === 'trl' || field === 'tags'
    ? t(`challengesAdmin.history.fields.${field}`)
    : t(`challengesAdmin.fields.${field}`)
}

/** One field's change: words struck and underlined, items added and removed, or old value → new value. */
function Change({ change: c }: { change: FieldChange }) {
  const { t, i18n } = useTranslation()
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme, staleTime: 300_000 })
  const value = (v: string | null) => {
    if (v === null) return t('challengesAdmin.history.empty')
    if (c.field === 'language') return t(`challengesAdmin.languages.${v}`, { defaultValue: v })
    if (c.field === 'trl') return `TRL ${v}`
    if (c.field === 'domain') {
      const d = programme.data?.domains.find((x) => x.code === v)
      return d ? `${d.code} · ${localized(d.name, i18n.language)}` : v
    }
    return v
  }
  if (c.segments) return <Segments segments={c.segments} />
  if (c.added || c.removed) {
    const items = [
      ...(c.removed ?? []).map((text) => ({ text, op: 'removed' as const })),
      ...(c.added ?? []).map((text) => ({ text, op: 'added' as const })),
    ]
    if (items.length === 0) return <>{t('challengesAdmin.history.reordered')}</>
    return (
      <List size="sm" spacing={2} listStyleType="none" p={0}>
        {items.map((x) => (
          <List.Item key={`${x.op}-${x.text}`}>
            {x.op === 'added' ? (
              <>
                <span aria-hidden="true">+ </span>
                <ins className={classes.added}>{x.text}</ins>
                <span className={classes.srOnly}> ({t('challengesAdmin.history.addedItem')})</span>
              </>
            ) : (
              <>
                <span aria-hidden="true">− </span>
                <del className={classes.removed}>{x.text}</del>
                <span className={classes.srOnly}> ({t('challengesAdmin.history.removedItem')})</span>
              </>
            )}
          </List.Item>
        ))}
      </List>
    )
  }
  if (c.before === null && c.field === 'tags') {
    return <>{t('challengesAdmin.history.setTo', { value: (c.after ?? '').split('\n').join(', ') })}</>
  }
  return (
    <span className={classes.diff}>
      <del className={classes.removed}>{value(c.before)}</del>
      {' → '}
      <ins className={classes.added}>{value(c.after)}</ins>
    </span>
  )
}

/** Kept text longer than this is shortened around the changes. */
const KEEP = 160
const CONTEXT = 60

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <span className={classes.diff}>
      {segments.map((s, i) => {
        const key = `${i}-${s.op}`
        if (s.op === 'removed')
          return (
            <del key={key} className={classes.removed}>
              {s.text}
            </del>
          )
        if (s.op === 'added')
          return (
            <ins key={key} className={classes.added}>
              {s.text}
            </ins>
          )
        return <span key={key}>{shorten(s.text, i === 0, i === segments.length - 1)}</span>
      })}
    </span>
  )
}

/** Long unchanged text: only its ends next to a change are kept. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= KEEP) return text
  if (first && last) return text
  if (first) return `…${text.slice(-CONTEXT).replace(/^\S*/, '')}`
  if (last) return `${text.slice(0, CONTEXT).replace(/\S*$/, '')}…`
  return `${text.slice(0, CONTEXT).replace(/\S*$/, '')} … ${text.slice(-CONTEXT).replace(/^\S*/, '')}`
}
