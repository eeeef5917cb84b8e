import type { z } from 'zod'
import {
  call,
  type callAnswerInput,
  callDocument,
  type callDocumentUpload,
  type callInput,
  type callListQuery,
  callPage,
  type callPatch,
  callQuestion,
  callQuestionList,
  callVersion,
} from '../../../shared/contracts/calls.ts'
import { publicChallengePage } from '../../../shared/contracts/challenges.ts'
import { request } from '../../app/api.ts'

/** The typed client of the calls endpoints (contracts of shared/contracts/calls.ts). */
const v1 = '/api/v1'
const enc = encodeURIComponent
const c = (id: string) => `${v1}/calls/${enc(id)}`
type Query = Record<string, string | number | boolean | null | undefined>
export type CallListQuery = Partial<z.input<typeof callListQuery>>

export const callsApi = {
  list: (query: CallListQuery) => request('GET', `${v1}/calls`, { query: query as Query, schema: callPage }),
  get: (id: string) => request('GET', c(id), { schema: call }),
  create: (body: z.input<typeof callInput>) => request('POST', `${v1}/calls`, { body, schema: call }),
  update: (id: string, body: z.input<typeof callPatch>) => request('PATCH', c(id), { body, schema: call }),
  publish: (id: string) => request('POST', `${c(id)}/publish`, { schema: call }),
  unpublish: (id: string) => request('POST', `${c(id)}/unpublish`, { schema: call }),
  cancel: (id: string) => request('POST', `${c(id)}/cancel`, { schema: call }),
  version: (id: string, version: number) => request('GET', `${c(id)}/versions/${version}`, { schema: callVersion }),
  uploadDocument: (id: string, body: z.input<typeof callDocumentUpload>) =>
    request('POST', `${c(id)}/documents`, { body, schema: callDocument }),
  deleteDocument: (id: string, documentId: string) =>
    request('DELETE', `${c(id)}/documents/${enc(documentId)}`, { schema: null }),
  questions: (id: string) => request('GET', `${c(id)}/questions`, { schema: callQuestionList }),
  answer: (id: string, questionId: string, body: z.input<typeof callAnswerInput>) =>
    request('POST', `${c(id)}/questions/${enc(questionId)}/answer`, { body, schema: callQuestion }),
  /** Published challenges of the programme, to put in scope (the public catalogue's endpoint). */
  challenges: () =>
    request('GET', `${v1}/challenges`, { query: { pageSize: 50, sort: 'code' }, schema: publicChallengePage }),
}

export const callKeys = {
  all: ['calls'] as const,
  list: (q: CallListQuery) => ['calls', 'list', q] as const,
  one: (id: string) => ['calls', 'one', id] as const,
  version: (id: string, version: number) => ['calls', 'one', id, 'version', version] as const,
  questions: (id: string) => ['calls', 'one', id, 'questions'] as const,
  challenges: ['calls', 'challenges'] as const,
}
