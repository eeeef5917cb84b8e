import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Application, ApplicationPartner, PartnerPart } from '../../../../shared/contracts/applications.ts'
import { isApiError } from '../../../app/api.ts'
import { applicationsApi, DetailedApiError } from '../client.ts'
import { Autosaver, type FailureOutcome, type SaveState } from './autosaver.ts'
import { canRebasePart, newerPartner, partConflicts, partOnScreen } from './drafts.ts'
import { usePutApplication } from './useAnswersDraft.ts'

export type PartKey = keyof PartnerPart

/** A field of a partner's part someone else of the organisation changed meanwhile. */
export interface PartConflict {
  key: PartKey
  yours: unknown
  theirs: unknown
  at: string | null
}

/**
 * A partner's own part being edited by a member of that partner: autosaved like the answers, guarded by
 * the part's version; a 409 `application_part_conflict` reloads and lists, field by field, what differs.
 * Any saved change withdraws an earlier confirmation (the server keeps the old confirmed version).
 */
export function usePartDraft(app: Application, partner: ApplicationPartner | null, editable: boolean) {
  const put = usePutApplication(app.id)
  const partnerId = partner?.id ?? ''
  /** The newest copy of the part known: a save's answer lands here one tick before the prop. */
  const latestRef = useRef(partner)
  /** The copy the next save is based on (`basePartVersion`). */
  const baseRef = useRef(partner)
  if (partner && latestRef.current?.id !== partner.id) {
    latestRef.current = partner
    baseRef.current = partner
  } else if (partner) latestRef.current = newerPartner(partner, latestRef.current)
  const [pending, setPending] = useState<Partial<PartnerPart>>({})
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  const [conflicts, setConflicts] = useState<PartConflict[]>([])

  const saver = useMemo(
    () =>
      new Autosaver({
        send: async (changes) => {
          const next = await applicationsApi.savePart(app.id, partnerId, {
            basePartVersion: baseRef.current?.partVersion ?? 1,
            // The server changes only the fields sent.
            part: changes as Partial<PartnerPart>,
          })
          const mine = next.partners.find((p) => p.id === partnerId)
          if (mine) {
            baseRef.current = mine
            latestRef.current = newerPartner(mine, latestRef.current)
          }
          put(next)
        },
        onFailure: async (error, sent): Promise<FailureOutcome> => {
          if (error instanceof DetailedApiError && error.code === 'application_part_conflict') {
            const latest = await applicationsApi.get(app.id)
            put(latest)
            const current = latest.partners.find((p) => p.id === partnerId)
            if (!current) return { action: 'stop' }
            const differing = partConflicts(baseRef.current?.part, current.part, sent as Partial<PartnerPart>)
            baseRef.current = current
            latestRef.current = newerPartner(current, latestRef.current)
            setConflicts((prev) => [
              ...prev.filter((c) => !differing.includes(c.key)),
              ...differing.map((k) => ({ key: k, yours: sent[k], theirs: current.part[k], at: current.partUpdatedAt })),
            ])
            return { action: 'conflict', held: differing }
          }
          if (isApiError(error) && error.status === 400) return { action: 'invalid', held: Object.keys(sent) }
          return { action: 'stop' }
        },
        onState: setState,
        onPendingChange: (p) => setPending(p as Partial<PartnerPart>),
      }),
    [app.id, partnerId, put],
  )

  useEffect(() => {
    if (!editable || !partnerId) saver.stop()
  }, [saver, editable, partnerId])

  useEffect(() => {
    saver.attach()
    const onOnline = () => saver.wake()
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasPending()) {
        void saver.flush()
        e.preventDefault()
      }
    }
    window.addEventListener('online', onOnline)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('online', onOnline)
      window.removeEventListener('beforeunload', onBeforeUnload)
      void saver.flush()
      saver.dispose()
    }
  }, [saver])

  // A newer part from elsewhere (a poll) becomes the base of the next save unless it changed a field the
  // person has pending: then the base stays and that save meets the conflict (409).
  const pendingKeys = Object.keys(saver.snapshot()) as PartKey[]
  if (
    partner &&
    baseRef.current &&
    partner.partVersion > baseRef.current.partVersion &&
    canRebasePart(baseRef.current, partner, pendingKeys)
  )
    baseRef.current = partner

  // Built on the newest copy, not on the prop, which is one tick behind right after a save.
  const part: PartnerPart | null = useMemo(
    () => (partner ? partOnScreen(newerPartner(partner, latestRef.current).part, pending) : null),
    [partner, pending],
  )

  const set = useCallback(
    <K extends PartKey>(key: K, value: PartnerPart[K]) => {
      if (editable && partnerId) saver.change(key, value)
    },
    [saver, editable, partnerId],
  )

  const resolve = useCallback(
    (key: PartKey, keep: boolean) => {
      setConflicts((prev) => prev.filter((c) => c.key !== key))
      saver.resolve(key, keep)
    },
    [saver],
  )

  return {
    partnerId: partner?.id ?? null,
    part,
    set,
    flush: useCallback(() => saver.flush(), [saver]),
    hasPending: Object.keys(pending).length > 0,
    /** Something is typed and not yet acknowledged, or a save is on its way. */
    busy: Object.keys(pending).length > 0 || state.kind === 'saving' || state.kind === 'pending',
    state,
    conflicts,
    resolve,
  }
}

export type PartDraft = ReturnType<typeof usePartDraft>
