import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { checkApplication } from '../../../../shared/calls/readiness.ts'
import { partnerName } from '../../../../shared/calls/rules.ts'
import type { Application, ApplicationPartner, ReadinessIssue } from '../../../../shared/contracts/applications.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { applicationKeys, applicationsApi, applicationUrls, uploadAnnex } from '../client.ts'
import { questionInputId } from '../form/QuestionField.tsx'
import type { FieldContext } from '../form/types.ts'
import { combineStates } from './autosaver.ts'
import { useServerNow } from './clock.tsx'
import { focusField } from './issues.ts'
import { useAnswersDraft } from './useAnswersDraft.ts'
import { usePartDraft } from './usePartDraft.ts'

export type EditorTab = 'form' | 'partners' | 'submission'

/** Where a partner issue is fixed in that partner's part. */
const partField: Record<string, string> = {
  partner_contact_missing: 'contactName',
  partner_role_missing: 'role',
  partner_budget_missing: 'requested',
  third_party_budget_exceeded: 'requested',
  funding_rate_exceeded: 'requested',
  declaration_missing: 'declaration',
  sme_declaration_missing: 'sme',
  sme_declaration_differs: 'sme',
}

/** How often an open editor asks for others' changes (only while its tab is visible). */
export const POLL_MS = 15_000

/**
 * Others' changes reach an open editor: the application is read again every 15 s while the tab is
 * visible and nothing of the person's is waiting to be saved or decided. What they did not touch takes
 * the server's values (the drafts build the screen on the newest copy); a change of a field they have
 * pending meets the conflict dialog on their next save. A copy older than the cached one (a read that
 * crossed a save) is ignored.
 */
function usePolling(applicationId: string, enabled: boolean) {
  const queryClient = useQueryClient()
  useQuery({
    queryKey: applicationKeys.one(applicationId),
    queryFn: async () => {
      const next = await applicationsApi.get(applicationId)
      const prev = queryClient.getQueryData<Application>(applicationKeys.one(applicationId))
      return prev && prev.version > next.version ? prev : next
    },
    refetchInterval: enabled ? POLL_MS : false,
    refetchIntervalInBackground: false,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  })
}

/**
 * The application editor's state: the working copy with the person's pending changes (shared answers
 * and their own part), the live readiness computed with the server's own engine, the deadline on the
 * server's clock, and the navigation from an issue to the field that fixes it.
 */
export function useEditor(app: Application, call: Call) {
  const deadline = app.call.schedule.deadline
  const now = useServerNow(app.serverNow, deadline)
  const late = now >= Date.parse(deadline) || app.call.phase === 'closed'
  const locked = late || app.status === 'withdrawn' || app.call.phase === 'cancelled'
  const canEditShared = !locked && app.abilities.edit_shared?.allowed === true
  const draft = useAnswersDraft(app, canEditShared)
  const myPartner = app.partners.find((p) => p.mine && (p.role === 'lead' || p.status === 'accepted')) ?? null
  const myPart = usePartDraft(app, myPartner, !locked)
  usePolling(app.id, !locked && !draft.busy && !myPart.busy && draft.conflicts.length + myPart.conflicts.length === 0)

  const partners: ApplicationPartner[] = useMemo(
    () => app.partners.map((p) => (p.id === myPart.partnerId && myPart.part ? { ...p, part: myPart.part } : p)),
    [app.partners, myPart.partnerId, myPart.part],
  )
  const challenge = call.challenges.find((c) => c.id === app.challengeId) ?? null
  const issues: ReadinessIssue[] = useMemo(
    () =>
      checkApplication({
        config: call.config,
        challengeId: app.challengeId,
        challengeTrl: challenge ? { min: challenge.trlMin, max: challenge.trlMax } : null,
        challengeIds: call.challenges.map((c) => c.id),
        answers: draft.answers,
        partners,
      }),
    [call, app.challengeId, challenge, draft.answers, partners],
  )
  const errors = issues.filter((i) => i.severity === 'error').length

  const [tab, setTab] = useState<EditorTab>(app.status === 'draft' ? 'form' : 'submission')
  const [sectionId, setSectionId] = useState(call.config.form.sections[0]?.id ?? '')
  const [openPartner, setOpenPartner] = useState<string | null>(myPartner?.id ?? null)
  const [shown, setShown] = useState<Set<string>>(() => new Set())
  const [focusTarget, setFocusTarget] = useState<string | null>(null)

  const touch = useCallback((questionId: string) => {
    setShown((prev) => (prev.has(questionId) ? prev : new Set(prev).add(questionId)))
  }, [])

  // Focus once the tab, section or accordion item holding the field is rendered (and opened).
  useEffect(() => {
    if (!focusTarget) return
    let tries = 0
    let frame = 0
    const attempt = () => {
      if (focusField(focusTarget) || tries++ > 40) setFocusTarget(null)
      else frame = requestAnimationFrame(attempt)
    }
    frame = requestAnimationFrame(attempt)
    return () => cancelAnimationFrame(frame)
  }, [focusTarget])

  const goToPartner = useCallback((partnerId: string, field?: string) => {
    setTab('partners')
    setOpenPartner(partnerId)
    setFocusTarget(field ? `part-${partnerId}-${field}` : `partner-${partnerId}`)
  }, [])

  const go = useCallback(
    (issue: ReadinessIssue) => {
      const question = issue.questionId
        ? call.config.form.sections.flatMap((s) => s.questions).find((q) => q.id === issue.questionId)
        : undefined
      if (issue.partnerId) {
        if (question && question.scope === 'partner') {
          setTab('partners')
          setOpenPartner(issue.partnerId)
          touch(questionInputId(question.id, issue.partnerId))
          setFocusTarget(questionInputId(question.id, issue.partnerId))
          return
        }
        const field = partField[issue.code]
        if (issue.code === 'partner_part_not_confirmed') {
          setTab('partners')
          setOpenPartner(issue.partnerId)
          setFocusTarget(`partner-${issue.partnerId}-confirmation`)
          return
        }
        goToPartner(issue.partnerId, field)
        return
      }
      if (question && issue.sectionId) {
        setTab('form')
        setSectionId(issue.sectionId)
        touch(question.id)
        setFocusTarget(questionInputId(question.id))
        return
      }
      if (issue.code.startsWith('challenge_')) {
        setTab('form')
        setSectionId(call.config.form.sections[0]?.id ?? '')
        setFocusTarget('application-challenge')
        return
      }
      setTab('partners')
      setFocusTarget('consortium-summary')
    },
    [call, goToPartner, touch],
  )

  const context = useCallback(
    (partnerId: string | null): FieldContext => ({
      upload: (questionId, file, onProgress) =>
        uploadAnnex({ applicationId: app.id, questionId, partnerId, file, onProgress }),
      fileUrl: (f) => applicationUrls.file(app.id, f.fileId),
      budget: {
        lines: partners.map((p) => ({
          partnerId: p.id,
          name: partnerName(p),
          role: p.role,
          status: p.status,
          budget: p.part.budget,
          mine: p.mine && !locked,
        })),
        caps: call.config.budget,
        onEditLine: (id) => goToPartner(id, 'requested'),
      },
    }),
    [app.id, partners, call.config.budget, locked, goToPartner],
  )

  return {
    saveState: combineStates(draft.state, myPart.state),
    now,
    late,
    locked,
    canEditShared,
    draft,
    myPart,
    partners,
    issues,
    errors,
    tab,
    setTab,
    sectionId,
    setSectionId: (id: string) => {
      setSectionId(id)
      setFocusTarget('section-title')
    },
    openPartner,
    setOpenPartner,
    shown,
    touch,
    go,
    context,
    focus: setFocusTarget,
  }
}

export type Editor = ReturnType<typeof useEditor>
