import { Alert, Stack } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Application } from '../../../../shared/contracts/applications.ts'
import { useFormat } from '../../../design-system/format.ts'
import type { Editor } from './useEditor.ts'

/** What the person must know before typing: read-only after the deadline, withdrawn, submitted, who edits what. */
export function EditorBanners({ app, editor }: { app: Application; editor: Editor }) {
  const { t } = useTranslation()
  const f = useFormat()
  const zone = app.call.schedule.timeZone
  const deadline = f.dateTime(app.call.schedule.deadline, zone, true)
  const out = []
  if (editor.late)
    out.push(
      <Alert
        key="late"
        color="red"
        variant="light"
        icon={<IconLock aria-hidden />}
        title={t('applications.banners.lateTitle')}
        role="alert"
        data-testid="deadline-banner"
      >
        {t('applications.banners.late', { deadline })}
      </Alert>,
    )
  else if (app.status === 'withdrawn')
    out.push(
      <Alert key="withdrawn" color="gray" variant="light" icon={<IconLock aria-hidden />}>
        {t('applications.banners.withdrawn')}
      </Alert>,
    )
  else if (app.call.phase === 'cancelled')
    out.push(
      <Alert key="cancelled" color="gray" variant="light" icon={<IconLock aria-hidden />}>
        {t('applications.banners.cancelled')}
      </Alert>,
    )
  if (!editor.late && app.status === 'submitted')
    out.push(
      app.changedSinceSubmission ? (
        <Alert key="changed" color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('applications.banners.changed', { revision: app.submittedRevision ?? 0, deadline })}
        </Alert>
      ) : (
        <Alert key="submitted" color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('applications.banners.submitted', {
            revision: app.submittedRevision ?? 0,
            time: app.submittedAt ? f.dateTime(app.submittedAt, zone, true) : '',
            deadline,
          })}
        </Alert>
      ),
    )
  if (!editor.locked && !editor.canEditShared)
    out.push(
      <Alert key="partner" color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {editor.myPart.partnerId ? t('applications.banners.partnerOnly') : t('applications.banners.viewOnly')}
      </Alert>,
    )
  if (out.length === 0) return null
  return (
    <Stack gap="xs" mb="md">
      {out}
    </Stack>
  )
}
