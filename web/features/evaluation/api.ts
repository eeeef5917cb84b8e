import type { z } from 'zod'
import {
  type evaluationDraftInput,
  type evaluationPhasesInput,
  evaluationPhasesView,
  type evaluationSettingsInput,
  evaluationSettingsView,
  evaluationState,
  evaluationView,
  hubCalls,
  myAssignments,
} from '../../../shared/contracts/evaluation.ts'
import { confirmResult, type recuseBody, recuseResult } from '../../../shared/contracts/evaluation-assignments.ts'
import { request } from '../../app/api.ts'

/** The evaluation set-up, hub, expert workspace and form endpoints, parsed with the shared contracts. */
const enc = encodeURIComponent
const callUrl = (callId: string) => `/api/v1/calls/${enc(callId)}/evaluation`
const assignmentUrl = (id: string) => `/api/v1/evaluation/assignments/${enc(id)}`

export const evaluationApi = {
  hub: () => request('GET', '/api/v1/evaluation/calls', { schema: hubCalls }),
  settings: (callId: string) => request('GET', `${callUrl(callId)}/settings`, { schema: evaluationSettingsView }),
  saveSettings: (callId: string, body: z.input<typeof evaluationSettingsInput>) =>
    request('PUT', `${callUrl(callId)}/settings`, { schema: evaluationSettingsView, body }),
  phases: (callId: string) => request('GET', `${callUrl(callId)}/phases`, { schema: evaluationPhasesView }),
  savePhases: (callId: string, body: z.input<typeof evaluationPhasesInput>) =>
    request('PUT', `${callUrl(callId)}/phases`, { schema: evaluationPhasesView, body }),
  mine: () => request('GET', '/api/v1/evaluation/my-assignments', { schema: myAssignments }),
  confirm: (assignmentId: string) =>
    request('POST', `${assignmentUrl(assignmentId)}/confirm`, { schema: confirmResult, body: {} }),
  recuse: (assignmentId: string, body: z.input<typeof recuseBody>) =>
    request('POST', `${assignmentUrl(assignmentId)}/recuse`, { schema: recuseResult, body }),
  view: (assignmentId: string) =>
    request('GET', `${assignmentUrl(assignmentId)}/evaluation`, { schema: evaluationView }),
  save: (assignmentId: string, body: z.input<typeof evaluationDraftInput>) =>
    request('PUT', `${assignmentUrl(assignmentId)}/evaluation`, { schema: evaluationState, body }),
  submit: (assignmentId: string, version: number) =>
    request('POST', `${assignmentUrl(assignmentId)}/evaluation/submit`, { schema: evaluationState, body: { version } }),
}

export const evaluationKeys = {
  hub: ['evaluation', 'hub'] as const,
  settings: (callId: string) => ['evaluation', 'settings', callId] as const,
  phases: (callId: string) => ['evaluation', 'phases', callId] as const,
  mine: ['evaluation', 'mine'] as const,
  view: (assignmentId: string) => ['evaluation', 'view', assignmentId] as const,
}

/** Phase status → badge colour. */
export const phaseColor: Record<string, string> = { unset: 'gray', upcoming: 'blue', open: 'green', closed: 'dark' }
