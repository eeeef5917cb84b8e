import { Accordion, Anchor, Badge, Card, Group, List, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCheck, IconFileText, IconLink, IconX } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Solution } from '../../../shared/contracts/solutions.ts'
import type { TrlAssessment } from '../../../shared/contracts/trl.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { useLevelTitle } from './labels.tsx'

/** The assessments over time, and the evidence trail of each (members and reviewers). */
export function TrlHistory({ solution }: { solution: Solution }) {
  const { t } = useTranslation()
  const f = useFormat()
  const list = useQuery({
    queryKey: solutionKeys.assessments(solution.id),
    queryFn: () => solutionsApi.assessments(solution.id),
    enabled: solution.abilities.viewTrail?.allowed === true,
  })
  const [open, setOpen] = useState<string | null>(null)
  if (!solution.abilities.viewTrail?.allowed) return null
  const items = list.data?.items ?? []
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="trl-history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trl-history-title">
          {t('solutions.history.title')}
        </Title>
        <ErrorAlert error={list.error} />
        {items.length === 0 && !list.isLoading ? (
          <Text size="sm" c="dimmed">
            {t('solutions.history.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer
            minWidth={400}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('table.region', { name: t('solutions.history.title') })}
          >
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('solutions.history.date')}</Table.Th>
                  <Table.Th>{t('solutions.history.result')}</Table.Th>
                  <Table.Th>{t('solutions.history.confidence')}</Table.Th>
                  <Table.Th>{t('solutions.history.review')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('solutions.history.evidence')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{f.dateShort(a.completedAt ?? a.updatedAt)}</Table.Td>
                    <Table.Td>
                      {a.status === 'draft' ? (
                        <Badge variant="light" color="gray">
                          {t('solutions.history.draft')}
                        </Badge>
                      ) : (
                        `TRL ${a.resultLevel}`
                      )}
                    </Table.Td>
                    <Table.Td>{a.confidence ?? '—'}</Table.Td>
                    <Table.Td>
                      {a.review
                        ? `${t(`solutions.review.decisions.${a.review.decision}`)} · TRL ${a.review.level}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {a.status === 'completed' ? (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => setOpen(open === a.id ? null : a.id)}
                        >
                          {open === a.id ? t('solutions.history.hideEvidence') : t('solutions.history.showEvidence')}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {open ? <EvidenceTrail solutionId={solution.id} assessmentId={open} /> : null}
      </Stack>
    </Card>
  )
}

/** The answers of one assessment, level by level, with each "yes" and its evidence. */
export function EvidenceTrail({ solutionId, assessmentId }: { solutionId: string; assessmentId: string }) {
  const a = useQuery({
    queryKey: solutionKeys.assessment(solutionId, assessmentId),
    queryFn: () => solutionsApi.assessment(solutionId, assessmentId),
  })
  if (!a.data) return <ErrorAlert error={a.error} />
  return <Trail assessment={a.data} solutionId={solutionId} />
}

function Trail({ assessment, solutionId }: { assessment: TrlAssessment; solutionId: string }) {
  const { t } = useTranslation()
  const levelTitle = useLevelTitle()
  const levels = [...new Set(assessment.answers.map((x) => x.level))].sort((x, y) => x - y)
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('solutions.history.trailTitle', { level: assessment.resultLevel })}
      </Title>
      <Accordion multiple variant="separated">
        {levels.map((level) => {
          const answers = assessment.answers.filter((x) => x.level === level)
          const met = answers.every((x) => x.met)
          return (
            <Accordion.Item key={level} value={String(level)}>
              <Accordion.Control
                icon={
                  <ThemeIcon size="sm" radius="xl" color={met ? 'green' : 'orange'} variant="light">
                    {met ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                  </ThemeIcon>
                }
              >
                TRL {level} · {levelTitle(level)}
                <span className="sr-only">
                  {' '}
                  — {met ? t('solutions.wizard.levelMet') : t('solutions.wizard.levelNotMet')}
                </span>
              </Accordion.Control>
              <Accordion.Panel>
                <List spacing="sm" listStyleType="none" ps={0}>
                  {answers.map((x) => (
                    <List.Item key={x.criterion}>
                      <Text size="sm" fw={600}>
                        {x.met ? t('solutions.wizard.yes') : t('solutions.wizard.no')} —{' '}
                        {t(`trl.criteria.${x.criterion}.text`)}
                      </Text>
                      {x.met ? (
                        <Stack gap={2} mt={2}>
                          <Text size="sm">{x.evidenceText}</Text>
                          {x.evidenceUrl ? (
                            <Group gap={4} wrap="nowrap">
                              <IconLink size={14} aria-hidden />
                              <Anchor
                                href={x.evidenceUrl}
                                target="_blank"
                                rel="noopener noreferrer nofollow"
                                size="sm"
                                style={{ wordBreak: 'break-all' }}
                              >
                                {x.evidenceUrl}
                              </Anchor>
                            </Group>
                          ) : null}
                          {x.evidenceFile ? (
                            <Group gap={4} wrap="nowrap">
                              <IconFileText size={14} aria-hidden />
                              <Anchor
                                href={`/api/v1/solutions/${solutionId}/trl-assessments/${assessment.id}/evidence/${x.evidenceFile.id}`}
                                size="sm"
                              >
                                {x.evidenceFile.filename}
                              </Anchor>
                            </Group>
                          ) : null}
                        </Stack>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          )
        })}
      </Accordion>
    </Stack>
  )
}
