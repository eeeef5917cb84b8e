import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Answers, AnswerValue, Application } from '../../../../shared/contracts/applications.ts'
import { isApiError } from '../../../app/api.ts'
import { applicationKeys, applicationsApi, DetailedApiError } from '../client.ts'
import { Autosaver, type FailureOutcome, type SaveState } from './autosaver.ts'
import { answersOnScreen, canRebaseAnswers, editsBetween, newerApplication } from './drafts.ts'

/** One answer someone else changed while the person was typing it: both versions are kept. */
export interface AnswerConflict {
  questionId: string
  yours: AnswerValue
  theirs: AnswerValue
  by: string | null
  at: string
}

const storageKey = (id: string) => `cascade.application-draft.${id}`

function readLocal(id: string): Answers {
  try {
    const raw = window.localStorage.getItem(storageKey(id))
    return raw ? (JSON.parse(raw) as Answers) : {}
  } catch {
    return {}
  }
}
function writeLocal(id: string, pending: Answers) {
  try {
    if (Object.keys(pending).length === 0) window.localStorage.removeItem(storageKey(id))
    else window.localStorage.setItem(storageKey(id), JSON.stringify(pending))
  } catch {
    // storage full or unavailable: the in-memory copy still holds the values
  }
}

/** Keeps a newer copy of the application in the query cache (never an older one). */
export function usePutApplication(applicationId: string) {
  const queryClient = useQueryClient()
  return useCallback(
    (next: Application) =>
      queryClient.setQueryData<Application>(applicationKeys.one(applicationId), (prev) =>
        prev && prev.version > next.version ? prev : next,
      ),
    [queryClient, applicationId],
  )
}

/**
 * The shared answers being edited: the server's copy with the person's pending changes over it, saved
 * by the autosave loop with the version they were based on. A 409 `application_edit_conflict` reloads
 * the application, holds the conflicting answers for the person to decide, and sends the rest again.
 * Pending changes are also kept in localStorage, so that closing the tab or losing the network loses
 * nothing: they are sent again on the next visit.
 */
export function useAnswersDraft(app: Application | undefined, editable: boolean) {
  const id = app?.id ?? ''
  const put = usePutApplication(id)
  /** The newest copy known: a save's answer lands here one tick before the query cache hands it down. */
  const latestRef = useRef(app)
  /** The copy the next save is based on (`baseVersion`). */
  const baseRef = useRef(app)
  /** Who changed answers in a copy that came from elsewhere (a poll), for the "Updated by" hint. */
  const incomingRef = useRef<string[] | null>(null)
  if (app && latestRef.current && app.version > latestRef.current.version) {
    const { names } = editsBetween(latestRef.current, app)
    if (names.length > 0) incomingRef.current = names
  }
  if (app) latestRef.current = newerApplication(app, latestRef.current)
  const [pending, setPending] = useState<Answers>({})
  const [updatedBy, setUpdatedBy] = useState<string[] | null>(null)
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  const [conflicts, setConflicts] = useState<AnswerConflict[]>([])
  const [invalid, setInvalid] = useState<Record<string, string>>({})
  const [restored, setRestored] = useState(0)

  const saver = useMemo(() => {
    if (!id) return null
    return new Autosaver({
      send: async (changes) => {
        const base = baseRef.current!
        const next = await applicationsApi.saveAnswers(id, { baseVersion: base.version, changes: changes as Answers })
        baseRef.current = next
        latestRef.current = newerApplication(next, latestRef.current)
        put(next)
        setInvalid((prev) => {
          const out = { ...prev }
          for (const k of Object.keys(changes)) delete out[k]
          return out
        })
      },
      onFailure: async (error, sent): Promise<FailureOutcome> => {
        if (error instanceof DetailedApiError && error.code === 'application_edit_conflict') {
          const latest = await applicationsApi.get(id)
          baseRef.current = latest
          latestRef.current = newerApplication(latest, latestRef.current)
          put(latest)
          const found = error.conflicts
          setConflicts((prev) => [
            ...prev.filter((c) => !found.some((f) => f.questionId === c.questionId)),
            ...found.map((c) => ({
              questionId: c.questionId,
              yours: (sent[c.questionId] ?? c.yours) as AnswerValue,
              theirs: c.theirs,
              by: c.by,
              at: c.at,
            })),
          ])
          return { action: 'conflict', held: found.map((c) => c.questionId) }
        }
        if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) {
          const bad: Record<string, string> = {}
          for (const fe of error.fieldErrors) {
            const key = fe.path.replace(/^changes\./, '').split('.')[0] ?? ''
            if (key in sent) bad[key] = fe.code
          }
          if (Object.keys(bad).length > 0) {
            setInvalid((prev) => ({ ...prev, ...bad }))
            return { action: 'invalid', held: Object.keys(bad) }
          }
        }
        return { action: 'stop' }
      },
      onState: setState,
      onPendingChange: (p) => {
        setPending(p as Answers)
        writeLocal(id, p as Answers)
      },
    })
  }, [id, put])

  // Changes kept from an earlier visit are sent again once the application is known to be editable.
  const restoredOnce = useRef(false)
  useEffect(() => {
    if (!saver || !editable || restoredOnce.current) return
    restoredOnce.current = true
    const kept = readLocal(id)
    const server = latestRef.current?.answers ?? {}
    const differing = Object.fromEntries(
      Object.entries(kept).filter(([k, v]) => JSON.stringify(server[k] ?? null) !== JSON.stringify(v)),
    )
    if (Object.keys(differing).length > 0) {
      setPending(differing as Answers)
      setRestored(Object.keys(differing).length)
      saver.restore(differing)
    } else writeLocal(id, {})
  }, [saver, editable, id])

  useEffect(() => {
    if (!saver) return
    if (!editable) saver.stop()
  }, [saver, editable])

  // Send at once when the tab is hidden or the network comes back; warn before closing with unsaved values.
  useEffect(() => {
    if (!saver) return
    saver.attach()
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush()
    }
    const onOnline = () => saver.wake()
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasPending()) {
        void saver.flush()
        e.preventDefault()
      }
    }
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('online', onOnline)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('beforeunload', onBeforeUnload)
      // Leaving the page inside the app: send what is left (the local copy covers a failure).
      void saver.flush()
      saver.dispose()
    }
  }, [saver])

  // A newer copy from elsewhere (a poll, a save of a part) becomes the base of the next save unless it
  // changed an answer the person has pending: then the base stays and that save meets the conflict.
  const pendingKeys = Object.keys(saver?.snapshot() ?? {})
  if (
    app &&
    baseRef.current &&
    app.version > baseRef.current.version &&
    canRebaseAnswers(baseRef.current, app, pendingKeys)
  )
    baseRef.current = app

  // "Updated by …": shown for a minute after a copy with others' answers arrived.
  useEffect(() => {
    if (!app?.version || !incomingRef.current) return
    setUpdatedBy(incomingRef.current)
    incomingRef.current = null
  }, [app?.version])
  useEffect(() => {
    if (!updatedBy) return
    const timer = setTimeout(() => setUpdatedBy(null), 60_000)
    return () => clearTimeout(timer)
  }, [updatedBy])

  // Built on the newest copy, not on the prop: right after a save the prop is one tick behind, and a
  // keystroke in that tick would start from the older value.
  const answers = useMemo(
    () => answersOnScreen(app ? newerApplication(app, latestRef.current).answers : {}, pending),
    [app, pending],
  )

  const setAnswer = useCallback(
    (questionId: string, value: AnswerValue) => {
      if (!editable) return
      saver?.change(questionId, value)
    },
    [saver, editable],
  )

  const resolve = useCallback(
    (questionId: string, keep: boolean) => {
      setConflicts((prev) => prev.filter((c) => c.questionId !== questionId))
      saver?.resolve(questionId, keep)
    },
    [saver],
  )

  return {
    answers,
    pending,
    /** Something is typed and not yet acknowledged, or a save is on its way. */
    busy: Object.keys(pending).length > 0 || state.kind === 'saving' || state.kind === 'pending',
    updatedBy,
    setAnswer,
    flush: useCallback(() => saver?.flush() ?? Promise.resolve(), [saver]),
    state,
    conflicts,
    resolve,
    invalid,
    restored,
  }
}

export type AnswersDraft = ReturnType<typeof useAnswersDraft>
