import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useBlocker } from '@tanstack/react-router'
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultCallConfig } from '../../../../shared/calls/presets.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { BudgetTab } from './BudgetTab.tsx'
import { FormBuilder } from './builder/FormBuilder.tsx'
import { ChangeLogModal } from './ChangeLogModal.tsx'
import { ConsortiumTab } from './ConsortiumTab.tsx'
import { DocumentsTab } from './DocumentsTab.tsx'
import { EvaluationTab } from './EvaluationTab.tsx'
import { useProblemText } from './fields.tsx'
import { GeneralTab } from './GeneralTab.tsx'
import { LifecycleActions } from './Lifecycle.tsx'
import { Announcer } from './ListControls.tsx'
import { QaTab } from './QaTab.tsx'
import { ScopeTab } from './ScopeTab.tsx'
import { TimelineTab } from './TimelineTab.tsx'
import { type EditorTab, editorTabs } from './tabs.ts'
import { useCallSave } from './useCallSave.ts'
import { VersionsTab } from './VersionsTab.tsx'
import { type FieldTab, fieldTabs, tabOfPath, validateCall } from './validate.ts'
import { type CallFormValues, toValues } from './values.ts'

/**
 * The call editor: one form over every tab (general, timeline, budget, consortium, scope, application
 * form, evaluation), checked in the browser against the same contract as the server before saving;
 * documents, Q&A and versions act on the saved call. The header carries save and the lifecycle actions.
 */
export function CallEditor(props: {
  call?: Call
  /** The live call (after publish/cancel), which the lifecycle buttons act on. */
  live?: Call
  tab: EditorTab
  onTab: (tab: EditorTab) => void
  header: (actions: ReactNode) => ReactNode
}) {
  const { t } = useTranslation()
  const problemText = useProblemText()
  const defaults = useMemo(() => defaultCallConfig(), [])
  const [openQuestion, setOpenQuestion] = useState<string | null>(null)
  const [invalidCount, setInvalidCount] = useState(0)
  const leaving = useRef(false)
  const form = useForm<CallFormValues>({ mode: 'controlled', initialValues: toValues(props.call, defaults) })

  /** Show the first tab with a problem (unless the current one has one) and focus the first field. */
  const revealErrors = (paths: string[]) => {
    setInvalidCount(paths.length)
    if (paths.length === 0) return
    const tabs = new Set(paths.map(tabOfPath))
    const target = tabs.has(props.tab as FieldTab) ? (props.tab as FieldTab) : fieldTabs.find((x) => tabs.has(x))
    if (!target) return
    const inForm = paths.find((p) => tabOfPath(p) === 'form' && /^config\.form\.sections\.\d+\.questions\.\d+/.test(p))
    if (target === 'form' && inForm) {
      const [, si, qi] = /^config\.form\.sections\.(\d+)\.questions\.(\d+)/.exec(inForm) ?? []
      const q = form.getValues().config.form.sections[Number(si)]?.questions[Number(qi)]
      if (q) setOpenQuestion(q.id)
    }
    props.onTab(target)
    setTimeout(() => document.querySelector<HTMLElement>('#call-form [aria-invalid="true"]')?.focus(), 50)
  }

  const saver = useCallSave({
    form,
    initial: props.call,
    tab: props.tab,
    onFieldErrors: revealErrors,
    onCreated: () => {
      leaving.current = true
    },
  })
  const base = saver.base
  const live = props.live ?? base

  useBlocker({
    shouldBlockFn: ({ current, next }) => {
      if (leaving.current || current.pathname === next.pathname || !form.isDirty()) return false
      return !window.confirm(t('calls.editor.leaveConfirm'))
    },
    enableBeforeUnload: () => !leaving.current && form.isDirty(),
  })

  /** Checks the whole call in the browser (same contract as the server), then saves. */
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const values = form.getValues()
    const errors: Record<string, string> = {}
    for (const [path, p] of Object.entries(validateCall(values))) errors[path] = problemText(p)
    form.setErrors(errors)
    if (Object.keys(errors).length > 0) {
      revealErrors(Object.keys(errors))
      return
    }
    setInvalidCount(0)
    void saver.save(values)
  }

  const errorsByTab = new Map<string, number>()
  for (const path of Object.keys(form.errors)) {
    const tab = tabOfPath(path)
    errorsByTab.set(tab, (errorsByTab.get(tab) ?? 0) + 1)
  }
  const frozen = base !== undefined && (base.phase === 'open' || base.phase === 'closed' || base.frozenAt !== null)
  const canEdit = base === undefined || base.abilities.edit?.allowed !== false
  const dirty = form.isDirty()

  const saveButton = canEdit ? (
    <Button
      type="submit"
      form="call-form"
      loading={saver.saving}
      leftSection={<IconDeviceFloppy size={16} aria-hidden />}
    >
      {base ? t('calls.editor.save') : t('calls.editor.create')}
    </Button>
  ) : null
  const tab = (value: EditorTab) => {
    const n = errorsByTab.get(value) ?? 0
    return (
      <Tabs.Tab
        key={value}
        value={value}
        rightSection={
          n > 0 ? (
            <Badge color="red" size="sm" circle aria-hidden>
              {n}
            </Badge>
          ) : null
        }
      >
        {t(`calls.tabs.${value}`)}
        {n > 0 ? <VisuallyHidden>{t('calls.editor.tabProblems', { count: n })}</VisuallyHidden> : null}
      </Tabs.Tab>
    )
  }
  const tabs: EditorTab[] = base ? [...editorTabs] : [...fieldTabs]

  return (
    <Announcer>
      {props.header(
        <>
          {saveButton}
          {live ? <LifecycleActions call={live} dirty={dirty} onChanged={saver.adopt} /> : null}
        </>,
      )}
      <Stack gap="md">
        {saver.conflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('calls.conflict.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('calls.conflict.text')}</Text>
              <Group gap="xs">
                <Button size="xs" loading={saver.saving} onClick={saver.saveOnTop}>
                  {t('calls.conflict.saveOnTop')}
                </Button>
                <Button size="xs" variant="default" onClick={saver.loadLatest} disabled={saver.saving}>
                  {t('calls.conflict.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <ErrorAlert error={saver.error} />
        {invalidCount > 0 && Object.keys(form.errors).length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={t('calls.editor.invalidTitle')}>
            {t('calls.editor.invalid', { count: Object.keys(form.errors).length })}
          </Alert>
        ) : null}
        {!canEdit ? (
          <Alert variant="light" color="gray" title={t('calls.editor.readOnlyTitle')}>
            {t('calls.editor.readOnly')}
          </Alert>
        ) : frozen ? (
          <Alert variant="light" color="yellow" title={t('calls.editor.frozenTitle')}>
            {t('calls.editor.frozen')}
          </Alert>
        ) : null}
        <Tabs value={props.tab} onChange={(v) => v && props.onTab(v as EditorTab)} keepMounted={false}>
          <Tabs.List>{tabs.map(tab)}</Tabs.List>
          <form id="call-form" onSubmit={submit} noValidate>
            <Paper
              withBorder
              p={{ base: 'sm', sm: 'lg' }}
              radius="md"
              mt="md"
              display={fieldTabs.includes(props.tab as FieldTab) ? undefined : 'none'}
            >
              <Tabs.Panel value="general">
                <GeneralTab form={form} codeLocked={base?.publishedAt != null} />
              </Tabs.Panel>
              <Tabs.Panel value="timeline">
                <TimelineTab form={form} frozen={frozen} />
              </Tabs.Panel>
              <Tabs.Panel value="budget">
                <BudgetTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="consortium">
                <ConsortiumTab form={form} />
              </Tabs.Panel>
              <Tabs.Panel value="scope">
                <ScopeTab form={form} call={base} />
              </Tabs.Panel>
              <Tabs.Panel value="form">
                <FormBuilder form={form} open={openQuestion} onOpen={setOpenQuestion} />
              </Tabs.Panel>
              <Tabs.Panel value="evaluation">
                <EvaluationTab form={form} />
              </Tabs.Panel>
              <Group mt="lg" justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {dirty
                    ? t('calls.editor.unsaved')
                    : base
                      ? t('calls.editor.allSaved', { version: base.version })
                      : ''}
                </Text>
                {saveButton}
              </Group>
            </Paper>
          </form>
          {live ? (
            <Paper
              withBorder
              p={{ base: 'sm', sm: 'lg' }}
              radius="md"
              mt="md"
              display={fieldTabs.includes(props.tab as FieldTab) ? 'none' : undefined}
            >
              <Tabs.Panel value="documents">
                <DocumentsTab call={live} />
              </Tabs.Panel>
              <Tabs.Panel value="qa">
                <QaTab call={live} />
              </Tabs.Panel>
              <Tabs.Panel value="versions">
                <VersionsTab call={live} />
              </Tabs.Panel>
            </Paper>
          ) : null}
        </Tabs>
      </Stack>
      <ChangeLogModal
        opened={saver.askLog}
        version={base?.version ?? 1}
        loading={saver.saving}
        error={saver.logError}
        onSave={(log) => saver.save(form.getValues(), log)}
        onClose={saver.closeLog}
      />
    </Announcer>
  )
}
