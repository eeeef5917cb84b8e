import { Badge, Card, Grid, Group, List, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Solution, SolutionAction } from '../../../shared/contracts/solutions.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { localized, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { SolutionStatusBadge, TypeBadge, VisibilityBadge } from './labels.tsx'
import { MediaGallery, MediaManager } from './MediaManager.tsx'
import { TrlCard, TrlHistory } from './TrlCard.tsx'

const route = getRouteApi('/app/solutions/$solutionId')
const actions: { action: SolutionAction; variant?: string }[] = [
  { action: 'publish' },
  { action: 'unpublish', variant: 'default' },
  { action: 'restore', variant: 'default' },
  { action: 'archive', variant: 'default' },
]

/** One solution: its description, media, TRL card with its badge, history and reviews. */
export function SolutionPage() {
  const { t } = useTranslation()
  const { solutionId } = route.useParams()
  const s = useQuery({ queryKey: solutionKeys.one(solutionId), queryFn: () => solutionsApi.get(solutionId) })
  const back = (
    <AnchorLink to="/app/solutions" size="sm">
      ← {t('solutions.title')}
    </AnchorLink>
  )
  if (s.isLoading)
    return (
      <>
        <PageHeader title={t('common.loading')} above={back} />
        <Skeleton height={300} />
      </>
    )
  if (!s.data)
    return (
      <>
        <PageHeader title={t('solutions.notAvailable')} above={back} />
        <ErrorAlert error={s.error} />
      </>
    )
  return <SolutionView solution={s.data} back={back} />
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  )
}

function SolutionView({ solution: s, back }: { solution: Solution; back: ReactNode }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<SolutionAction | null>(null)
  const transition = useMutation({
    mutationFn: (action: SolutionAction) => solutionsApi.transition(s.id, action, s.revision),
    onSuccess: async (updated, action) => {
      queryClient.setQueryData(solutionKeys.one(s.id), updated)
      await queryClient.invalidateQueries({ queryKey: solutionKeys.all })
      notifications.show({ color: 'green', message: t(`solutions.done.${action}`) })
      setPending(null)
    },
  })
  const owner = s.owner.disclosed
    ? s.owner.name
    : s.owner.publicRef
      ? t('solutions.ownerHiddenRef', { ref: s.owner.publicRef })
      : t('solutions.ownerHidden')

  return (
    <>
      <PageHeader
        title={s.name}
        documentTitle={`${s.reference} · ${s.name}`}
        above={back}
        description={
          <Stack gap={6}>
            <Group gap="xs">
              <SolutionStatusBadge status={s.status} />
              <VisibilityBadge value={s.visibility} />
              <TypeBadge type={s.type} />
            </Group>
            <Text size="sm" c="dimmed">
              {s.reference} · {owner} · <CountryName code={s.owner.country} />
              {s.revisions.length > 0 ? ` · ${t('solutions.revisionN', { revision: s.revision })}` : ''}
            </Text>
          </Stack>
        }
        actions={
          <>
            {s.abilities.update?.allowed ? (
              <ButtonLink
                to="/app/solutions/$solutionId/edit"
                params={{ solutionId: s.id }}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            {actions.map((a) =>
              s.abilities[a.action]?.allowed ? (
                <AbilityButton
                  key={a.action}
                  ability={s.abilities[a.action]}
                  variant={a.variant}
                  onClick={() => {
                    transition.reset()
                    setPending(a.action)
                  }}
                >
                  {t(`solutions.actions.${a.action}`)}
                </AbilityButton>
              ) : null,
            )}
          </>
        }
      />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`solutions.actions.${pending}`) : ''}
        message={pending ? t(`solutions.confirm.${pending}`) : ''}
        confirmLabel={pending ? t(`solutions.actions.${pending}`) : ''}
        onConfirm={() => pending && transition.mutate(pending)}
        onClose={() => setPending(null)}
        loading={transition.isPending}
        error={transition.error}
        danger={pending === 'archive'}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Text size="lg">{s.pitch}</Text>
            {s.content.description ? (
              <Section title={t('solutions.fields.description')}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{s.content.description}</Text>
              </Section>
            ) : null}
            {s.content.problem ? (
              <Section title={t('solutions.fields.problem')}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{s.content.problem}</Text>
              </Section>
            ) : null}
            {s.content.targetUsers.length > 0 ? (
              <Section title={t('solutions.fields.targetUsers')}>
                <Group gap={6}>
                  {s.content.targetUsers.map((u) => (
                    <Badge key={u} variant="outline" color="gray">
                      {t(`solutions.targetUsers.${u}`)}
                    </Badge>
                  ))}
                </Group>
              </Section>
            ) : null}
            <Section title={t('solutions.sections.programme')}>
              <Stack gap={6}>
                <Text size="sm">
                  <strong>{t('solutions.fields.domains')}:</strong>{' '}
                  {s.domains.length > 0
                    ? s.domains.map((d) => `${d.code} · ${localized(d.name, i18n.language)}`).join(', ')
                    : '—'}
                </Text>
                <Text size="sm">
                  <strong>{t('solutions.fields.challenges')}:</strong>{' '}
                  {s.challenges.length > 0 ? s.challenges.map((c) => `${c.code} · ${c.title}`).join(', ') : '—'}
                </Text>
                {s.tags.length > 0 ? (
                  <Group gap={6}>
                    {s.tags.map((x) => (
                      <Badge key={x.id} variant="light" color="indigo" style={{ textTransform: 'none' }}>
                        {x.name}
                      </Badge>
                    ))}
                  </Group>
                ) : null}
                <Text size="sm">
                  <strong>{t('solutions.fields.ipStatus')}:</strong> {t(`solutions.ip.${s.ipStatus}`)}
                  {s.targetTrl ? ` · ${t('solutions.fields.targetTrl')}: TRL ${s.targetTrl}` : ''}
                </Text>
              </Stack>
            </Section>
            {s.content.references.length > 0 ? (
              <Section title={t('solutions.sections.references')}>
                <List spacing={4} size="sm">
                  {s.content.references.map((r) => (
                    <List.Item key={`${r.year}-${r.country}-${r.description}`}>
                      {r.year} · {t(`solutions.clientTypes.${r.clientType}`)} · <CountryName code={r.country} /> —{' '}
                      {r.description}
                    </List.Item>
                  ))}
                </List>
              </Section>
            ) : null}
            <Section title={t('solutions.media.title')}>
              {s.abilities.media?.allowed ? (
                <MediaManager solution={s} />
              ) : s.media.length > 0 ? (
                <MediaGallery media={s.media} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('solutions.media.none')}
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <TrlCard solution={s} />
            <TrlHistory solution={s} />
            {s.revisions.length > 0 ? (
              <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="revisions-title">
                <Title order={2} size="h4" id="revisions-title" mb="xs">
                  {t('solutions.revisions')}
                </Title>
                <Table.ScrollContainer
                  minWidth={280}
                  type="native"
                  tabIndex={0}
                  role="region"
                  aria-label={t('table.region', { name: t('solutions.revisions') })}
                >
                  <Table>
                    <Table.Tbody>
                      {s.revisions.slice(0, 10).map((r) => (
                        <Table.Tr key={r.revision}>
                          <Table.Td>{t('solutions.revisionN', { revision: r.revision })}</Table.Td>
                          <Table.Td>{r.author?.name ?? '—'}</Table.Td>
                          <Table.Td>{f.dateShort(r.createdAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}
