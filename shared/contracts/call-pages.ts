import { z } from 'zod'
import { call, callConfig, callPhases, callQuestion, callSummary } from './calls.ts'

/**
 * Props of the server-rendered public call pages (`/calls`, `/calls/:code`). The page is rendered for an
 * anonymous caller whoever asks, and its props are parsed with these contracts before rendering, so only
 * what they name reaches the HTML and the embedded hydration data: the rules, budget, timeline and
 * criteria of a published call, never its application form (applicants see that in the app).
 */
const programmeRef = z.object({ acronym: z.string(), name: z.string() })

export const callListPageProps = z.object({
  programme: programmeRef,
  calls: z.array(callSummary),
  /** The phase the list is filtered on (`?phase=`), if any. */
  phase: z.enum(callPhases).nullable(),
  serverNow: z.string(),
})
export type CallListPageProps = z.infer<typeof callListPageProps>

export const publicCallConfig = callConfig.omit({ form: true })
export const publicCall = call.omit({ abilities: true, config: true }).extend({ config: publicCallConfig })
export type PublicCall = z.infer<typeof publicCall>

export const callDetailPageProps = z.object({
  programme: programmeRef,
  call: publicCall,
  /** The published questions and their answers. */
  questions: z.array(callQuestion),
  /** Where "Apply" leads (`/app/applications/new?callId=…`) while the call is open; null otherwise. */
  applyHref: z.string().nullable(),
})
export type CallDetailPageProps = z.infer<typeof callDetailPageProps>
