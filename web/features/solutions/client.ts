import type { z } from 'zod'
import { publicChallengePage } from '../../../shared/contracts/challenges.ts'
import {
  type mediaPatch,
  type mediaUploadInput,
  type SolutionAction,
  type SolutionType,
  solution,
  type solutionInput,
  type solutionListQuery,
  solutionMedia,
  solutionPage,
  type solutionPatch,
  solutionRevision,
} from '../../../shared/contracts/solutions.ts'
import {
  storedEvidence,
  trlAssessment,
  trlAssessmentList,
  type trlCompleteInput,
  trlQuestionnaire,
  type trlReviewInput,
  type trlSaveInput,
} from '../../../shared/contracts/trl.ts'
import { request } from '../../app/api.ts'

/** The typed client of the solutions and TRL endpoints (contracts of shared/contracts). */
const v1 = '/api/v1'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>
export type SolutionListQuery = Partial<z.input<typeof solutionListQuery>>

export const solutionsApi = {
  list: (organisationId: string, query: SolutionListQuery) =>
    request('GET', `${v1}/organisations/${enc(organisationId)}/solutions`, {
      query: query as Query,
      schema: solutionPage,
    }),
  get: (id: string) => request('GET', `${v1}/solutions/${enc(id)}`, { schema: solution }),
  create: (body: z.input<typeof solutionInput>) => request('POST', `${v1}/solutions`, { body, schema: solution }),
  update: (id: string, body: z.input<typeof solutionPatch>) =>
    request('PATCH', `${v1}/solutions/${enc(id)}`, { body, schema: solution }),
  transition: (id: string, action: SolutionAction, expectedRevision: number) =>
    request('POST', `${v1}/solutions/${enc(id)}/transitions`, { body: { action, expectedRevision }, schema: solution }),
  revision: (id: string, revision: number) =>
    request('GET', `${v1}/solutions/${enc(id)}/revisions/${revision}`, { schema: solutionRevision }),
  addMedia: (id: string, body: z.input<typeof mediaUploadInput>) =>
    request('POST', `${v1}/solutions/${enc(id)}/media`, { body, schema: solutionMedia }),
  updateMedia: (id: string, mediaId: string, body: z.input<typeof mediaPatch>) =>
    request('PATCH', `${v1}/solutions/${enc(id)}/media/${enc(mediaId)}`, { body, schema: solutionMedia }),
  deleteMedia: (id: string, mediaId: string) =>
    request('DELETE', `${v1}/solutions/${enc(id)}/media/${enc(mediaId)}`, { schema: null }),

  questionnaire: (type: SolutionType) =>
    request('GET', `${v1}/trl/questionnaires/${type}`, { schema: trlQuestionnaire }),
  assessments: (id: string) =>
    request('GET', `${v1}/solutions/${enc(id)}/trl-assessments`, { schema: trlAssessmentList }),
  assessment: (id: string, assessmentId: string) =>
    request('GET', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}`, { schema: trlAssessment }),
  startAssessment: (id: string) =>
    request('POST', `${v1}/solutions/${enc(id)}/trl-assessments`, { schema: trlAssessment }),
  saveAssessment: (id: string, assessmentId: string, body: z.input<typeof trlSaveInput>) =>
    request('PUT', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}`, { body, schema: trlAssessment }),
  discardAssessment: (id: string, assessmentId: string) =>
    request('DELETE', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}`, { schema: null }),
  completeAssessment: (id: string, assessmentId: string, body: z.input<typeof trlCompleteInput>) =>
    request('POST', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}/complete`, {
      body,
      schema: trlAssessment,
    }),
  uploadEvidence: (id: string, assessmentId: string, body: { filename: string; data: string }) =>
    request('POST', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}/evidence`, {
      body,
      schema: storedEvidence,
    }),
  review: (id: string, assessmentId: string, body: z.input<typeof trlReviewInput>) =>
    request('POST', `${v1}/solutions/${enc(id)}/trl-assessments/${enc(assessmentId)}/reviews`, {
      body,
      schema: trlAssessment,
    }),
  /** Published challenges of the programme, to choose from (the public catalogue's endpoint). */
  challenges: () =>
    request('GET', `${v1}/challenges`, { query: { pageSize: 50, sort: 'code' }, schema: publicChallengePage }),
}

export const solutionKeys = {
  all: ['solutions'] as const,
  list: (organisationId: string, q?: SolutionListQuery) => ['solutions', 'list', organisationId, q ?? {}] as const,
  one: (id: string) => ['solutions', 'one', id] as const,
  assessments: (id: string) => ['solutions', 'one', id, 'assessments'] as const,
  assessment: (id: string, assessmentId: string) => ['solutions', 'one', id, 'assessment', assessmentId] as const,
  questionnaire: (type: string) => ['trl-questionnaire', type] as const,
  challenges: ['solutions', 'challenges'] as const,
}

/** A file's bytes as base64 (uploads travel in JSON bodies). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}
