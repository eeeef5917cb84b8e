import { Accordion, Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconInfoCircle, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consortiumSummary, partnerName } from '../../../../shared/calls/rules.ts'
import type {
  Answers,
  Application,
  ApplicationPartner,
  ReadinessIssue,
} from '../../../../shared/contracts/applications.ts'
import type { CallConfig } from '../../../../shared/contracts/calls.ts'
import { AbilityButton } from '../../../design-system/Ability.tsx'
import { flagEmoji, useFormat } from '../../../design-system/format.ts'
import { SuggestedPartners } from '../../recommendations/SuggestedPartners.tsx'
import type { FieldContext } from '../form/types.ts'
import { useEuros } from '../form/ValueFields.tsx'
import { PartConfirmation } from './PartConfirmation.tsx'
import { InviteDialog, RemovePartnerDialog } from './PartnerDialogs.tsx'
import { PartnerPartForm } from './PartnerPartForm.tsx'
import { SaveStatus } from './SaveStatus.tsx'
import type { PartDraft } from './usePartDraft.ts'

interface PartnersTabProps {
  app: Application
  /** The partners with the person's own part as typed (pending changes included). */
  partners: ApplicationPartner[]
  config: CallConfig
  answers: Answers
  myPart: PartDraft
  /** Past the deadline, withdrawn…: nothing can change. */
  locked: boolean
  issues: readonly ReadinessIssue[]
  open: string | null
  onOpen: (partnerId: string | null) => void
  contextFor: (partnerId: string) => FieldContext
  /** Fields whose problems are shown next to them (touched, or reached from the readiness panel). */
  shown: ReadonlySet<string>
  onTouched: (key: string) => void
}

export function statusColor(status: ApplicationPartner['status']) {
  return status === 'accepted' ? 'green' : status === 'invited' ? 'yellow' : 'gray'
}

/** The consortium: who is in it, invitations, and each partner's own part (editable only by that partner). */
export function PartnersTab(props: PartnersTabProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const euros = useEuros()
  const { app, partners, myPart } = props
  const [inviting, setInviting] = useState(false)
  const [removing, setRemoving] = useState<ApplicationPartner | null>(null)
  const summary = consortiumSummary(partners)
  const rules = props.config.consortium
  const listed = partners.filter((p) => p.status !== 'removed')

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3">
              {t('applications.partners.title')}
            </Title>
            {!props.locked ? (
              <AbilityButton
                ability={app.abilities.invite}
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setInviting(true)}
              >
                {t('applications.partners.invite')}
              </AbilityButton>
            ) : null}
          </Group>
          <Text size="sm">
            {t('applications.partners.summary', {
              organisations: summary.organisations,
              smes: summary.smes,
              countries: summary.countries.length,
              requested: euros(summary.requestedCents),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('applications.partners.rules', {
              min: rules.minOrganisations,
              max: rules.maxOrganisations ?? '—',
              smes: rules.minSmes,
              countries: rules.minCountries,
            })}
          </Text>
        </Stack>
      </Paper>

      <Accordion
        variant="separated"
        radius="md"
        value={props.open}
        onChange={(v) => props.onOpen(v)}
        chevronPosition="left"
      >
        {listed.map((p) => {
          const editable = p.mine && !props.locked && myPart.partnerId === p.id
          const part = myPart.partnerId === p.id && myPart.part ? myPart.part : p.part
          const confirmed = p.confirmedVersion !== null && p.confirmedVersion === p.partVersion
          return (
            <Accordion.Item key={p.id} value={p.id} id={`partner-${p.id}`}>
              <Accordion.Control aria-describedby={`partner-${p.id}-facts`}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{partnerName(p)}</Text>
                  <Badge variant="light" color={p.role === 'lead' ? 'cascade' : 'gray'} size="sm">
                    {t(`applications.partners.roles.${p.role}`)}
                  </Badge>
                  <Badge variant="light" color={statusColor(p.status)} size="sm">
                    {t(`applications.partners.status.${p.status}`)}
                  </Badge>
                  {p.mine ? (
                    <Badge variant="outline" size="sm">
                      {t('applications.partners.yours')}
                    </Badge>
                  ) : null}
                  {p.role !== 'lead' && p.status === 'accepted' ? (
                    <Badge
                      variant="light"
                      color={confirmed ? 'green' : 'orange'}
                      size="sm"
                      leftSection={confirmed ? <IconCircleCheck size={12} aria-hidden /> : null}
                    >
                      {confirmed ? t('applications.partners.confirmed') : t('applications.partners.notConfirmed')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed" id={`partner-${p.id}-facts`}>
                  {[
                    p.facts.country ? `${flagEmoji(p.facts.country)} ${f.country(p.facts.country)}` : null,
                    p.facts.smeStatus ? t(`applications.partners.smeCategories.${p.facts.smeStatus}`) : null,
                    p.status === 'invited' && p.invitedEmail
                      ? t('applications.partners.invitedAs', { email: p.invitedEmail })
                      : null,
                    t('applications.partners.requested', { amount: euros(part.budget.requestedCents) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {p.status === 'invited' ? (
                    <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
                      {t('applications.partners.pendingText', { email: p.invitedEmail ?? '' })}
                    </Alert>
                  ) : (
                    <>
                      {editable ? (
                        <Group justify="space-between" wrap="wrap">
                          <Text size="sm" c="dimmed">
                            {t('applications.part.mineHint')}
                          </Text>
                          <SaveStatus state={myPart.state} />
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('applications.part.readOnlyHint')}
                        </Text>
                      )}
                      <PartnerPartForm
                        partner={p}
                        part={part}
                        config={props.config}
                        answers={props.answers}
                        readOnly={!editable}
                        set={myPart.set}
                        onBlur={() => void myPart.flush()}
                        issues={props.issues}
                        context={props.contextFor(p.id)}
                        shown={props.shown}
                        onTouched={props.onTouched}
                      />
                      <PartConfirmation app={app} partner={p} draft={editable ? myPart : null} locked={props.locked} />
                    </>
                  )}
                  {p.role !== 'lead' && !props.locked && app.abilities.invite?.allowed ? (
                    <Group justify="flex-end">
                      <Button variant="subtle" color="red" size="xs" onClick={() => setRemoving(p)}>
                        {t('applications.partners.remove')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          )
        })}
      </Accordion>
      <InviteDialog app={app} opened={inviting} onClose={() => setInviting(false)} />
      <RemovePartnerDialog app={app} partner={removing} onClose={() => setRemoving(null)} />
      <SuggestedPartners applicationId={app.id} version={listed.length} />
    </Stack>
  )
}
