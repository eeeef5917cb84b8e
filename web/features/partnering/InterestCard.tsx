import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Interest, type PartneringContact, partneringLimits } from '../../../shared/contracts/partnering.ts'
import { flagEmoji, useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { partneringApi, partneringKeys } from './api.ts'
import { InterestBadge, OrganisationLine } from './shared.tsx'

type Decision = 'accept' | 'decline' | 'withdraw'

function Contact({ label, c }: { label: string; c: PartneringContact }) {
  const f = useFormat()
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {c.organisationName} · <span aria-hidden="true">{flagEmoji(c.country)} </span>
        {f.country(c.country)}
      </Text>
      {c.contactName ? <Text size="sm">{c.contactName}</Text> : null}
      {c.contactEmail ? (
        <Anchor size="sm" href={`mailto:${c.contactEmail}`} style={{ overflowWrap: 'anywhere' }}>
          {c.contactEmail}
        </Anchor>
      ) : null}
    </Stack>
  )
}

/** Asks for an optional message before accepting, declining or withdrawing an interest. */
function DecisionDialog(props: { interest: Interest; decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [message, setMessage] = useState('')
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      partneringApi.decide(props.interest.id, d, d === 'withdraw' ? {} : { message: message.trim() || undefined }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: partneringKeys.all })
      setMessage('')
      props.onClose()
    },
  })
  const d = props.decision
  return (
    <Modal opened={d !== null} onClose={props.onClose} title={d ? t(`partnering.decide.${d}.title`) : ''} centered>
      {d ? (
        <Stack>
          <Text size="sm">{t(`partnering.decide.${d}.text`)}</Text>
          {d !== 'withdraw' ? (
            <Textarea
              label={t('partnering.decide.message')}
              description={t('partnering.decide.messageHelp')}
              autosize
              minRows={3}
              maxLength={partneringLimits.message}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
          ) : null}
          <ErrorAlert error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={decide.isPending}>
              {t('common.cancel')}
            </Button>
            <Button loading={decide.isPending} onClick={() => decide.mutate(d)}>
              {t(`partnering.decide.${d}.confirm`)}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}

/**
 * An expression of interest, seen from the post's side (`side="post"`: who is interested) or from
 * the interested side (`side="interested"`: in which post); contacts once accepted.
 */
export function InterestCard({ interest, side }: { interest: Interest; side: 'post' | 'interested' }) {
  const { t } = useTranslation()
  const f = useFormat()
  const [decision, setDecision] = useState<Decision | null>(null)
  const a = interest.abilities
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          {side === 'post' ? (
            <OrganisationLine org={interest.from} />
          ) : (
            <Stack gap={2}>
              <AnchorLink to="/app/partnering/posts/$postId" params={{ postId: interest.post.id }} fw={500}>
                {interest.post.reference} — {interest.post.title}
              </AnchorLink>
              <OrganisationLine org={interest.post.organisation} />
            </Stack>
          )}
          <InterestBadge status={interest.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('partnering.interest.sentOn', { date: f.dateTime(interest.createdAt) })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {interest.message}
        </Text>
        {interest.decisionMessage ? (
          <Paper bg="var(--mantine-color-gray-light)" p="xs" radius="sm">
            <Text size="xs" c="dimmed">
              {t('partnering.interest.answer')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {interest.decisionMessage}
            </Text>
          </Paper>
        ) : null}
        {interest.contacts ? (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Contact label={t('partnering.interest.postContact')} c={interest.contacts.post} />
            <Contact label={t('partnering.interest.interestedContact')} c={interest.contacts.interested} />
          </Group>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {interest.threadId ? (
            <ButtonLink size="xs" variant="light" to="/app/messages/$threadId" params={{ threadId: interest.threadId }}>
              {t('partnering.interest.openThread')}
            </ButtonLink>
          ) : null}
          {interest.status === 'accepted' && interest.contacts ? (
            <ButtonLink
              size="xs"
              variant="light"
              to="/app/consortia"
              search={{
                invite: (side === 'post' ? interest.contacts.interested : interest.contacts.post).organisationId,
                name: (side === 'post' ? interest.contacts.interested : interest.contacts.post).organisationName,
                source: 'partner_search',
                ref: interest.id,
              }}
            >
              {t('consortia.inviteFromInterest')}
            </ButtonLink>
          ) : null}
          {side === 'post' && a.accept?.allowed ? (
            <Button size="xs" onClick={() => setDecision('accept')}>
              {t('partnering.decide.accept.confirm')}
            </Button>
          ) : null}
          {side === 'post' && a.decline?.allowed ? (
            <Button size="xs" variant="default" onClick={() => setDecision('decline')}>
              {t('partnering.decide.decline.confirm')}
            </Button>
          ) : null}
          {side === 'interested' && a.withdraw?.allowed ? (
            <Button size="xs" variant="default" onClick={() => setDecision('withdraw')}>
              {t('partnering.decide.withdraw.confirm')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <DecisionDialog interest={interest} decision={decision} onClose={() => setDecision(null)} />
    </Paper>
  )
}
