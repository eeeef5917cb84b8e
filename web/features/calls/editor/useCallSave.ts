import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultCallConfig } from '../../../../shared/calls/presets.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { isApiError } from '../../../app/api.ts'
import { callKeys, callsApi } from '../api.ts'
import type { CallForm } from './fields.tsx'
import { useProblemText } from './fields.tsx'
import type { EditorTab } from './tabs.ts'
import { type CallFormValues, changedFields, toPayload, toValues } from './values.ts'

/**
 * Saving the call editor: create, or PATCH only what changed since the version the form started from
 * (`expectedVersion`). An open call asks for a change log first. A 409 `call_revision_conflict` keeps
 * everything typed and offers to save on top of the newer version or to load it. Server field errors
 * land next to their fields (`onFieldErrors` lets the editor switch to their tab).
 */
export function useCallSave(opts: {
  form: CallForm
  initial: Call | undefined
  tab: EditorTab
  onFieldErrors: (paths: string[]) => void
  /** Called before navigating away after a creation (the leave guard lets it through). */
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const problemText = useProblemText()
  const { form } = opts
  /** The saved call the form's values started from. */
  const [base, setBase] = useState<Call | undefined>(opts.initial)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [conflict, setConflict] = useState(false)
  const [askLog, setAskLog] = useState(false)
  const [logError, setLogError] = useState<unknown>(null)
  const lastLog = useRef<LocalizedText | undefined>(undefined)
  const defaults = useMemo(() => defaultCallConfig(), [])
  const basePayload = useMemo(() => (base ? toPayload(toValues(base, defaults)) : null), [base, defaults])
  const needsLog = base !== undefined && (base.phase === 'open' || base.phase === 'closed' || base.frozenAt !== null)

  /** Adopts a call from the server as the new starting point (the form too, unless it has edits). */
  const adopt = (saved: Call, resetForm: boolean) => {
    setBase(saved)
    queryClient.setQueryData(callKeys.one(saved.id), saved)
    if (resetForm) {
      const values = toValues(saved, defaults)
      form.setValues(values)
      form.resetDirty(values)
    }
  }

  const placeFieldErrors = (e: unknown): boolean => {
    if (!isApiError(e) || e.fieldErrors.length === 0) return false
    const values = form.getValues() as unknown as Record<string, unknown>
    const errors: Record<string, string> = {}
    let unmatched = false
    for (const fe of e.fieldErrors) {
      if (!(fe.path.split('.')[0]! in values)) unmatched = true
      errors[fe.path] ??= problemText({ code: fe.code })
    }
    form.setErrors(errors)
    opts.onFieldErrors(Object.keys(errors))
    return !unmatched
  }

  const save = async (values: CallFormValues, changeLog?: LocalizedText, expectedVersion?: number) => {
    setSaving(true)
    setError(null)
    setLogError(null)
    try {
      if (!base) {
        const created = await callsApi.create(toPayload(values))
        queryClient.setQueryData(callKeys.one(created.id), created)
        await queryClient.invalidateQueries({ queryKey: callKeys.all })
        notifications.show({ color: 'green', message: t('calls.editor.created', { code: created.code }) })
        opts.onCreated()
        await navigate({ to: '/app/calls/$callId/edit', params: { callId: created.id }, search: { tab: opts.tab } })
        return
      }
      const patch = changedFields(basePayload!, toPayload(values))
      if (Object.keys(patch).length === 0) {
        notifications.show({ color: 'blue', message: t('calls.editor.nothingToSave') })
        return
      }
      const log = changeLog ?? lastLog.current
      if (needsLog && !log) {
        setAskLog(true)
        return
      }
      const saved = await callsApi.update(base.id, {
        ...patch,
        expectedVersion: expectedVersion ?? base.version,
        ...(needsLog && log ? { changeLog: log } : {}),
      })
      lastLog.current = undefined
      setConflict(false)
      setAskLog(false)
      adopt(saved, true)
      await queryClient.invalidateQueries({ queryKey: callKeys.all, refetchType: 'none' })
      notifications.show({ color: 'green', message: t('calls.editor.saved', { version: saved.version }) })
    } catch (e) {
      if (isApiError(e) && e.code === 'call_revision_conflict') {
        if (changeLog) lastLog.current = changeLog
        setAskLog(false)
        setConflict(true)
      } else if (isApiError(e) && e.code === 'call_change_log_required') {
        setAskLog(true)
      } else {
        const placed = placeFieldErrors(e)
        if (placed) setAskLog(false)
        else if (askLog) setLogError(e)
        else setError(e)
      }
    } finally {
      setSaving(false)
    }
  }

  /** After a conflict: send the same changes on top of the newer version. */
  const saveOnTop = async () => {
    if (!base) return
    try {
      const latest = await callsApi.get(base.id)
      await save(form.getValues(), undefined, latest.version)
    } catch (e) {
      setError(e)
    }
  }
  /** After a conflict: drop the changes and load the newer version. */
  const loadLatest = async () => {
    if (!base) return
    try {
      const latest = await callsApi.get(base.id)
      lastLog.current = undefined
      setConflict(false)
      adopt(latest, true)
    } catch (e) {
      setError(e)
    }
  }

  return {
    base,
    saving,
    error,
    conflict,
    askLog,
    logError,
    needsLog,
    save,
    saveOnTop,
    loadLatest,
    closeLog: () => setAskLog(false),
    /** A publish, unpublish or cancel changed the call. */
    adopt: (saved: Call) => adopt(saved, !form.isDirty()),
  }
}
