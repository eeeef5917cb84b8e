import { Alert, Anchor, Button, Card, Group, NumberInput, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useReasonText } from '../../design-system/Ability.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { workshopKeys, workshopsApi } from './api.ts'
import { useMyBallot, useWorkshop } from './shared.tsx'

const route = getRouteApi('/app/workshops/$workshopId/vote')

/**
 * Distribute the workshop's points across its use cases; a new ballot replaces the previous one. The
 * page starts from the saved ballot, and lists only the use cases the participant may see (the
 * workshop answers those, with their titles).
 */
export function VotePage() {
  const { t } = useTranslation()
  const f = useFormat()
  const reason = useReasonText()
  const queryClient = useQueryClient()
  const { workshopId } = route.useParams()
  const query = useWorkshop(workshopId)
  const w = query.data
  const saved = useMyBallot(workshopId, Boolean(w))
  const [points, setPoints] = useState<Record<string, number> | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [])
  // Start from the saved ballot once, before the person changes anything.
  useEffect(() => {
    if (points === null && saved.data) {
      setPoints(Object.fromEntries(saved.data.allocations.map((a) => [a.useCaseId, a.points])))
    }
  }, [points, saved.data])
  const current = points ?? {}
  const cast = useMutation({
    mutationFn: () =>
      workshopsApi.vote(workshopId, {
        allocations: Object.entries(current)
          .filter(([id, p]) => p > 0 && w?.useCaseIds.includes(id))
          .map(([useCaseId, p]) => ({ useCaseId, points: p })),
      }),
    onSuccess: (b) => {
      queryClient.setQueryData([...workshopKeys.one(workshopId), 'ballot'], b)
      notifications.show({ color: 'green', message: t('workshops.vote.saved', { spent: b.spent }) })
    },
  })

  const budget = w?.pointsBudget ?? 0
  const spent = (w?.useCases ?? []).reduce((a, u) => a + (current[u.id] ?? 0), 0)
  const left = budget - spent
  const over = left < 0
  const closedByTime = Boolean(w?.voteClosesAt && new Date(w.voteClosesAt).getTime() <= now)
  const ability = w?.abilities.vote
  const closed = closedByTime || ability?.allowed !== true
  const title = w ? t('workshops.vote.title', { title: w.title }) : t('workshops.vote.titleShort')
  const hasSaved = (saved.data?.allocations.length ?? 0) > 0

  return (
    <>
      <PageHeader
        title={t('workshops.vote.titleShort')}
        documentTitle={title}
        description={w ? <Text c="dimmed">{w.title}</Text> : undefined}
        above={
          <AnchorLink to="/app/workshops/$workshopId" params={{ workshopId }}>
            {t('workshops.backToWorkshop')}
          </AnchorLink>
        }
      />
      <ErrorAlert error={query.error ?? saved.error} />
      {w ? (
        <Stack gap="lg">
          <Text>
            {t('workshops.vote.instructions', { budget: f.number(budget) })}{' '}
            {w.voteClosesAt
              ? t('workshops.vote.closesAt', { when: f.dateTime(w.voteClosesAt, undefined, true) })
              : null}
          </Text>
          {closed ? (
            <Alert color="gray" role="status">
              {closedByTime ? t('workshops.vote.closed') : (reason(ability) ?? t('workshops.vote.closed'))}
            </Alert>
          ) : hasSaved ? (
            <Alert color="blue" variant="light" role="status">
              {t('workshops.vote.savedLoaded', { spent: f.number(saved.data?.spent ?? 0) })}
            </Alert>
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (!over && !closed) cast.mutate()
            }}
            noValidate
          >
            <Stack>
              <Card withBorder padding="md">
                <Text fw={700} aria-live="polite" c={over ? 'red' : undefined} size="lg">
                  {over
                    ? t('workshops.vote.overBudget', { over: f.number(-left) })
                    : t('workshops.vote.pointsLeft', { count: left, left: f.number(left), budget: f.number(budget) })}
                </Text>
              </Card>
              {w.useCases.length === 0 ? <Text c="dimmed">{t('workshops.useCases.none')}</Text> : null}
              {saved.isLoading ? <Skeleton height={60} /> : null}
              {!saved.isLoading &&
                w.useCases.map((uc) => {
                  const value = current[uc.id] ?? 0
                  return (
                    <NumberInput
                      key={uc.id}
                      label={uc.title}
                      description={
                        <>
                          {uc.reference} · {uc.organisation.name} ·{' '}
                          <Anchor href={`/app/use-cases/${uc.id}`} target="_blank" size="xs">
                            {t('workshops.vote.readUseCase')}
                          </Anchor>
                        </>
                      }
                      min={0}
                      max={value + Math.max(0, left)}
                      clampBehavior="strict"
                      allowDecimal={false}
                      allowNegative={false}
                      disabled={closed}
                      value={value}
                      onChange={(v) =>
                        setPoints((p) => ({ ...(p ?? {}), [uc.id]: Math.max(0, Math.trunc(Number(v) || 0)) }))
                      }
                      w={{ base: '100%', sm: 420 }}
                    />
                  )
                })}
              <ErrorAlert error={cast.error} />
              <Group>
                <Button type="submit" disabled={closed || over || w.useCases.length === 0} loading={cast.isPending}>
                  {t('workshops.vote.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      ) : null}
    </>
  )
}
