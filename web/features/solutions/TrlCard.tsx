import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Solution } from '../../../shared/contracts/solutions.ts'
import type { TrlReview } from '../../../shared/contracts/trl.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { solutionKeys, solutionsApi } from './client.ts'
import { TrlFitBadge, useLevelTitle } from './labels.tsx'
import { ReviewDialog } from './TrlReviewDialog.tsx'

export { EvidenceTrail, TrlHistory } from './TrlHistory.tsx'
export { ReviewDialog } from './TrlReviewDialog.tsx'

/**
 * Where the solution stands on the TRL scale: the effective level (the latest review's, else the
 * self-assessed one), both levels with the reviewer's reason, the badge for the programme's window and
 * each challenge's range, and the actions: start or resume a self-assessment (members), review (staff).
 */
export function TrlCard({ solution }: { solution: Solution }) {
  const { t } = useTranslation()
  const f = useFormat()
  const levelTitle = useLevelTitle()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [reviewing, setReviewing] = useState(false)
  const trl = solution.trl
  const start = useMutation({
    mutationFn: () => solutionsApi.startAssessment(solution.id),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: solutionKeys.one(solution.id) })
      await navigate({
        to: '/app/solutions/$solutionId/trl/$assessmentId',
        params: { solutionId: solution.id, assessmentId: a.id },
      })
    },
  })

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="trl-card-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="trl-card-title">
              {t('solutions.trl.title')}
            </Title>
            <Text size="xl" fw={700}>
              {trl.effective === null ? t('solutions.trl.notAssessed') : `TRL ${trl.effective}`}
            </Text>
            {trl.effective !== null ? (
              <Text size="sm" c="dimmed">
                {levelTitle(trl.effective)}
              </Text>
            ) : null}
          </Stack>
          <TrlFitBadge fits={trl.trlFit.fits} window={trl.trlFit.window} size="lg" />
        </Group>
        {trl.selfAssessed ? (
          <Text size="sm">
            {t('solutions.trl.selfAssessed', {
              level: trl.selfAssessed.level,
              confidence: trl.selfAssessed.confidence ?? '—',
              date: f.date(trl.selfAssessed.completedAt),
            })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('solutions.trl.none')}
          </Text>
        )}
        {trl.review ? <ReviewNote review={trl.review} /> : null}
        {trl.challenges.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('solutions.trl.challengeFit')}
            </Text>
            {trl.challenges.map((c) => (
              <Group key={c.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  {c.code} · {c.title}
                </Text>
                <TrlFitBadge fits={c.fits} window={{ min: c.trlMin, max: c.trlMax }} size="sm" />
              </Group>
            ))}
          </Stack>
        ) : null}
        <Group gap="xs">
          {solution.abilities.assess?.allowed ? (
            trl.draft ? (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() =>
                  navigate({
                    to: '/app/solutions/$solutionId/trl/$assessmentId',
                    params: { solutionId: solution.id, assessmentId: trl.draft!.id },
                  })
                }
              >
                {t('solutions.trl.resume')}
              </Button>
            ) : (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {trl.selfAssessed ? t('solutions.trl.reassess') : t('solutions.trl.start')}
              </Button>
            )
          ) : null}
          {trl.selfAssessed && solution.abilities.review && solution.abilities.review.reason !== 'missing_role' ? (
            <AbilityButton ability={solution.abilities.review} variant="default" onClick={() => setReviewing(true)}>
              {t('solutions.trl.review')}
            </AbilityButton>
          ) : null}
        </Group>
        <ErrorAlert error={start.error} />
      </Stack>
      {trl.selfAssessed ? (
        <ReviewDialog
          opened={reviewing}
          onClose={() => setReviewing(false)}
          solutionId={solution.id}
          assessmentId={trl.selfAssessed.assessmentId}
          selfAssessed={trl.selfAssessed.level}
        />
      ) : null}
    </Card>
  )
}

function ReviewNote({ review }: { review: TrlReview }) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Alert
      variant="light"
      color={review.decision === 'confirmed' ? 'green' : 'blue'}
      title={
        review.decision === 'confirmed'
          ? t('solutions.trl.confirmedBy', {
              name: review.reviewer?.name ?? t('solutions.trl.aReviewer'),
              level: review.level,
            })
          : t('solutions.trl.adjustedBy', {
              name: review.reviewer?.name ?? t('solutions.trl.aReviewer'),
              level: review.level,
            })
      }
    >
      <Text size="sm">{review.reason}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {f.date(review.createdAt)}
      </Text>
    </Alert>
  )
}
