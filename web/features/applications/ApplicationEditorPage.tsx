import { Anchor, Badge, Grid, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Application, SignedReceipt, SubmitResult } from '../../../shared/contracts/applications.ts'
import type { Call } from '../../../shared/contracts/calls.ts'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { EvaluationResultLink } from '../decisions/ResultLink.tsx'
import { applicationKeys, applicationsApi } from './client.ts'
import { ChallengePicker } from './editor/ChallengePicker.tsx'
import { CountdownBadge } from './editor/clock.tsx'
import { EditorBanners } from './editor/EditorBanners.tsx'
import { EditorConflicts } from './editor/EditorConflicts.tsx'
import { FormTab } from './editor/FormTab.tsx'
import { PartnersTab } from './editor/PartnersTab.tsx'
import { ReadinessPanel } from './editor/ReadinessPanel.tsx'
import { SaveStatus, UpdatedBy } from './editor/SaveStatus.tsx'
import { SubmissionTab } from './editor/SubmissionTab.tsx'
import { SubmitDialog } from './editor/SubmitDialog.tsx'
import { type EditorTab, useEditor } from './editor/useEditor.ts'
import { ApplicationStatusBadge } from './labels.tsx'

const route = getRouteApi('/app/applications/$applicationId')

/** The application editor: loads the application and its call, then hands over to the editor. */
export function ApplicationEditorPage() {
  const { t } = useTranslation()
  const { applicationId } = route.useParams()
  const app = useQuery({
    queryKey: applicationKeys.one(applicationId),
    queryFn: () => applicationsApi.get(applicationId),
    refetchOnWindowFocus: false,
  })
  const callId = app.data?.call.id
  const call = useQuery({
    queryKey: applicationKeys.call(callId ?? ''),
    queryFn: () => applicationsApi.call(callId!),
    enabled: Boolean(callId),
    staleTime: 60_000,
  })
  if (app.error || call.error)
    return (
      <>
        <PageHeader title={t('applications.editor.title')} above={<BackLink />} />
        <ErrorAlert error={app.error ?? call.error} />
      </>
    )
  if (!app.data || !call.data)
    return (
      <>
        <PageHeader title={t('applications.editor.title')} above={<BackLink />} />
        <Stack>
          <Skeleton height={40} />
          <Skeleton height={400} />
        </Stack>
      </>
    )
  return <Editor key={app.data.id} app={app.data} call={call.data} />
}

function BackLink() {
  const { t } = useTranslation()
  return (
    <AnchorLink to="/app/applications" size="sm">
      ← {t('applications.list.title')}
    </AnchorLink>
  )
}

function Editor({ app, call }: { app: Application; call: Call }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const e = useEditor(app, call)
  const [submitting, setSubmitting] = useState(false)
  const [justSubmitted, setJustSubmitted] = useState<SignedReceipt | null>(null)
  const restored = e.draft.restored

  useEffect(() => {
    if (restored > 0)
      notifications.show({ color: 'blue', message: t('applications.save.restored', { count: restored }) })
  }, [restored, t])

  const prepare = async (): Promise<Application> => {
    await e.draft.flush()
    await e.myPart.flush()
    const latest = await applicationsApi.get(app.id)
    queryClient.setQueryData(applicationKeys.one(app.id), latest)
    return latest
  }
  const submitted = async (result: SubmitResult) => {
    setSubmitting(false)
    setJustSubmitted(result.receipt)
    e.setTab('submission')
    e.focus('receipt-title')
    notifications.show({
      color: 'green',
      message: t('applications.submit.done', {
        revision: result.revision,
        reference: result.receipt.payload.reference,
      }),
    })
    await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
  }

  const title = app.acronym || app.title || app.reference
  const partnersInvited = app.partners.filter((p) => p.status === 'invited').length
  const shownReceipt = justSubmitted && justSubmitted.payload.revision > (app.latestReceipt?.payload.revision ?? 0)

  return (
    <>
      <PageHeader
        title={title}
        documentTitle={`${title} · ${app.reference}`}
        above={<BackLink />}
        description={
          <Stack gap={4}>
            {app.title && app.title !== title ? <Text c="dimmed">{app.title}</Text> : null}
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                {app.reference} · {app.call.code} · {localized(app.call.title, i18n.language)}
              </Text>
              <ApplicationStatusBadge status={app.status} />
              <EvaluationResultLink applicationId={app.id} submitted={app.status === 'submitted'} />
              <CountdownBadge deadline={app.call.schedule.deadline} now={e.now} />
              {e.locked ? null : (
                <Anchor href="#readiness" size="sm" hiddenFrom="lg">
                  {e.errors > 0
                    ? t('applications.readiness.jump', { count: e.errors })
                    : t('applications.readiness.jumpReady')}
                </Anchor>
              )}
            </Group>
          </Stack>
        }
        actions={
          <Stack gap={2} align="flex-end">
            {e.canEditShared || e.myPart.partnerId ? <SaveStatus state={e.saveState} /> : null}
            {e.draft.updatedBy ? <UpdatedBy names={e.draft.updatedBy} /> : null}
          </Stack>
        }
      />
      <EditorBanners app={app} editor={e} />
      <EditorConflicts app={app} call={call} editor={e} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={e.tab} onChange={(v) => v && e.setTab(v as EditorTab)} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="form">{t('applications.editor.tabs.form')}</Tabs.Tab>
              <Tabs.Tab
                value="partners"
                rightSection={
                  partnersInvited > 0 ? (
                    <Badge size="xs" variant="light" color="yellow">
                      {partnersInvited}
                    </Badge>
                  ) : null
                }
              >
                {t('applications.editor.tabs.partners')}
              </Tabs.Tab>
              <Tabs.Tab value="submission">{t('applications.editor.tabs.submission')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="form">
              <FormTab
                form={call.config.form}
                draft={e.draft}
                issues={e.issues}
                readOnly={!e.canEditShared}
                sectionId={e.sectionId}
                onSection={e.setSectionId}
                shown={e.shown}
                onTouched={e.touch}
                context={e.context(null)}
                header={<ChallengePicker app={app} call={call} readOnly={!e.canEditShared} />}
              />
            </Tabs.Panel>
            <Tabs.Panel value="partners">
              <PartnersTab
                app={app}
                partners={e.partners}
                config={call.config}
                answers={e.draft.answers}
                myPart={e.myPart}
                locked={e.locked}
                issues={e.issues}
                open={e.openPartner}
                onOpen={e.setOpenPartner}
                contextFor={(id) => e.context(id)}
                shown={e.shown}
                onTouched={e.touch}
              />
            </Tabs.Panel>
            <Tabs.Panel value="submission">
              <SubmissionTab
                app={app}
                receipt={shownReceipt ? justSubmitted : app.latestReceipt}
                locked={e.locked}
                errors={e.errors}
                onSubmit={() => setSubmitting(true)}
              />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <div id="readiness">
            {e.locked && app.status !== 'draft' ? null : (
              <ReadinessPanel issues={e.issues} form={call.config.form} partners={e.partners} onGo={e.go} />
            )}
          </div>
        </Grid.Col>
      </Grid>
      <SubmitDialog
        app={app}
        opened={submitting}
        onClose={() => setSubmitting(false)}
        errors={e.errors}
        now={e.now}
        prepare={prepare}
        onSubmitted={submitted}
      />
    </>
  )
}
