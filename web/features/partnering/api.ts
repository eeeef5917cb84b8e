import type { z } from 'zod'
import {
  type decisionInput,
  interest,
  type interestInput,
  interestList,
  interestPage,
  message,
  type messageInput,
  type myInterestsQuery,
  type myPostsQuery,
  type partneringListQuery,
  partneringPage,
  partneringPost,
  type partneringPostInput,
  type partneringPostPatch,
  partneringUnread,
  thread,
  threadList,
} from '../../../shared/contracts/partnering.ts'
import { request } from '../../app/api.ts'

/** The partner search endpoints, parsed with the shared contracts. */
const v1 = '/api/v1/partnering'
const enc = encodeURIComponent
type Query = Record<string, string | number | boolean | null | undefined>
export type MarketQuery = Partial<z.input<typeof partneringListQuery>>

export const partneringApi = {
  list: (query: MarketQuery) => request('GET', `${v1}/posts`, { schema: partneringPage, query: query as Query }),
  mine: (query: Partial<z.input<typeof myPostsQuery>>) =>
    request('GET', `${v1}/my-posts`, { schema: partneringPage, query: query as Query }),
  get: (id: string) => request('GET', `${v1}/posts/${enc(id)}`, { schema: partneringPost }),
  create: (body: z.input<typeof partneringPostInput>) =>
    request('POST', `${v1}/posts`, { schema: partneringPost, body }),
  update: (id: string, body: z.input<typeof partneringPostPatch>) =>
    request('PATCH', `${v1}/posts/${enc(id)}`, { schema: partneringPost, body }),
  publish: (id: string) => request('POST', `${v1}/posts/${enc(id)}/publish`, { schema: partneringPost }),
  close: (id: string) => request('POST', `${v1}/posts/${enc(id)}/close`, { schema: partneringPost }),
  interests: (id: string) => request('GET', `${v1}/posts/${enc(id)}/interests`, { schema: interestList }),
  express: (id: string, body: z.input<typeof interestInput>) =>
    request('POST', `${v1}/posts/${enc(id)}/interests`, { schema: interest, body }),
  myInterests: (query: Partial<z.input<typeof myInterestsQuery>>) =>
    request('GET', `${v1}/my-interests`, { schema: interestPage, query: query as Query }),
  decide: (id: string, decision: 'accept' | 'decline' | 'withdraw', body: z.input<typeof decisionInput> = {}) =>
    request('POST', `${v1}/interests/${enc(id)}/${decision}`, { schema: interest, body }),
  threads: () => request('GET', `${v1}/threads`, { schema: threadList }),
  thread: (id: string) => request('GET', `${v1}/threads/${enc(id)}`, { schema: thread }),
  send: (id: string, body: z.input<typeof messageInput>) =>
    request('POST', `${v1}/threads/${enc(id)}/messages`, { schema: message, body }),
  markRead: (id: string) => request('POST', `${v1}/threads/${enc(id)}/read`, { schema: null }),
  unread: () => request('GET', `${v1}/unread`, { schema: partneringUnread }),
}

export const partneringKeys = {
  all: ['partnering'] as const,
  list: (q: MarketQuery) => ['partnering', 'list', q] as const,
  mine: (q: unknown) => ['partnering', 'mine', q] as const,
  post: (id: string) => ['partnering', 'post', id] as const,
  interests: (id: string) => ['partnering', 'interests', id] as const,
  myInterests: (q: unknown) => ['partnering', 'my-interests', q] as const,
  threads: ['partnering', 'threads'] as const,
  thread: (id: string) => ['partnering', 'thread', id] as const,
  unread: ['partnering', 'unread'] as const,
}
