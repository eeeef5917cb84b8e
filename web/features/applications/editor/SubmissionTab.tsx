import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle, IconSend } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Application, SignedReceipt } from '../../../../shared/contracts/applications.ts'
import type { Ability } from '../../../../shared/contracts/common.ts'
import { AbilityButton } from '../../../design-system/Ability.tsx'
import { ConfirmDialog } from '../../../design-system/ConfirmDialog.tsx'
import { useFormat } from '../../../design-system/format.ts'
import { applicationsApi, applicationUrls } from '../client.ts'
import { EligibilityOutcome } from './EligibilityOutcome.tsx'
import { ReceiptView } from './ReceiptView.tsx'
import { usePutApplication } from './useAnswersDraft.ts'

interface SubmissionTabProps {
  app: Application
  /** The latest receipt (the one just received, before the application is reloaded). */
  receipt: SignedReceipt | null
  locked: boolean
  errors: number
  onSubmit: () => void
}

/** Submitting, the latest receipt, every revision, withdrawal and the eligibility outcome. */
export function SubmissionTab({ app, receipt, locked, errors, onSubmit }: SubmissionTabProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const zone = app.call.schedule.timeZone
  const [withdrawing, setWithdrawing] = useState(false)
  const submitted = app.status === 'submitted'
  // The server's answer, corrected by the live readiness: typing may have fixed (or broken) it since.
  const server = app.abilities.submit
  const canSubmit: Ability | undefined =
    server && (server.allowed || server.reason === 'not_ready')
      ? errors > 0
        ? { allowed: false, reason: 'not_ready' }
        : { allowed: true }
      : server
  const submitLabel =
    app.submittedRevision !== null ? t('applications.submit.openAgain') : t('applications.submit.open')
  app.submittedRevision !== null ? t('applications.submit.titleAgain') : t('applications.submit.open')

  return (
    <Stack gap="md">
      {app.eligibility ? <EligibilityOutcome eligibility={app.eligibility} /> : null}
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('applications.submission.title')}
          </Title>
          <Text size="sm">
            {app.status === 'withdrawn'
              ? t('applications.submission.withdrawn')
              : submitted
                ? t('applications.submission.submitted', {
                    revision: app.submittedRevision ?? 0,
                    time: app.submittedAt ? f.dateTime(app.submittedAt, zone, true) : '',
                  })
                : t('applications.submission.draft')}
          </Text>
          {submitted && app.changedSinceSubmission && !locked ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('applications.submission.changed')}
            </Alert>
          ) : null}
          {!locked && (app.status !== 'submitted' || app.changedSinceSubmission) ? (
            <Group>
              <AbilityButton ability={canSubmit} leftSection={<IconSend size={16} aria-hidden />} onClick={onSubmit}>
                {submitLabel}
              </AbilityButton>
              {errors > 0 && server?.reason !== 'not_a_member' ? (
                <Text size="sm" c="red">
                  {t('applications.submit.notReady', { count: errors })}
                </Text>
              ) : null}
            </Group>
          ) : null}
          {server?.reason === 'not_a_member' && !locked ? (
            <Text size="sm" c="dimmed">
              {t('applications.submission.leadOnly')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {receipt ? <ReceiptView receipt={receipt} timeZone={zone} /> : null}
      {app.revisions.length > 0 ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="revisions-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="revisions-title">
              {t('applications.revisions.title')}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('applications.revisions.revision')}</Table.Th>
                    <Table.Th scope="col">{t('applications.revisions.submittedAt')}</Table.Th>
                    <Table.Th scope="col">{t('applications.revisions.digest')}</Table.Th>
                    <Table.Th scope="col">{t('applications.revisions.downloads')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...app.revisions].reverse().map((r) => (
                    <Table.Tr key={r.revision}>
                      <Table.Th scope="row">
                        <Group gap={6} wrap="nowrap">
                          {r.revision}
                          {r.current ? (
                            <Badge
                              size="sm"
                              color="green"
                              variant="light"
                              style={{ flexShrink: 0, overflow: 'visible' }}
                            >
                              {t('applications.revisions.current')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">{f.dateTime(r.submittedAt, zone, true)}</Text>
                        {r.submittedBy ? (
                          <Text size="xs" c="dimmed">
                            {r.submittedBy}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" title={r.digest}>
                          {r.digest.slice(0, 16)}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor size="sm" href={applicationUrls.receiptJson(app.id, r.revision)} download>
                            {t('applications.revisions.json', { revision: r.revision })}
                          </Anchor>
                          <Anchor size="sm" href={applicationUrls.receiptPdf(app.id, r.revision)} download>
                            {t('applications.revisions.pdf', { revision: r.revision })}
                          </Anchor>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
      ) : null}
      {submitted && !locked && app.abilities.withdraw ? (
        <Group>
          <AbilityButton
            ability={app.abilities.withdraw}
            variant="subtle"
            color="red"
            onClick={() => setWithdrawing(true)}
          >
            {t('applications.withdraw.action')}
          </AbilityButton>
        </Group>
      ) : null}
      <WithdrawDialog app={app} opened={withdrawing} onClose={() => setWithdrawing(false)} />
    </Stack>
  )
}

function WithdrawDialog({ app, opened, onClose }: { app: Application; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const put = usePutApplication(app.id)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const tooShort = reason.trim().length < 3
  const withdraw = useMutation({
    mutationFn: () => applicationsApi.withdraw(app.id, reason.trim()),
    onSuccess: (next) => {
      put(next)
      onClose()
    },
  })
  return (
    <ConfirmDialog
      opened={opened}
      title={t('applications.withdraw.title')}
      message={t('applications.withdraw.text')}
      confirmLabel={t('applications.withdraw.confirm')}
      danger
      loading={withdraw.isPending}
      error={withdraw.error}
      onConfirm={() => {
        setTouched(true)
        if (!tooShort) withdraw.mutate()
      }}
      onClose={onClose}
    >
      <Textarea
        label={t('applications.withdraw.reason')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
        error={touched && tooShort ? t('validation.too_short', { minimum: 3 }) : null}
        data-autofocus
      />
    </ConfirmDialog>
  )
}
