import { z } from 'zod'
import {
  message,
  messageInput,
  partneringUnread,
  thread,
  threadList,
  threadParams,
} from '../../../../../shared/contracts/partnering.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { markThreadRead, sendMessage } from '../commands/send-message.ts'
import { getThread, listThreads, partneringUnread as unread } from '../queries/threads.ts'

const tags = ['partner search']

export const threadRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/threads',
    capability: 'partnering.view',
    summary: 'Your organisations’ message threads, latest first, with unread counts',
    tags,
    response: threadList,
    handler: async (_, ctx) => listThreads(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/unread',
    capability: 'partnering.view',
    summary: 'Unread messages and pending interests, for badges',
    tags,
    response: partneringUnread,
    handler: async (_, ctx) => unread(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/threads/:threadId',
    capability: 'partnering.view',
    summary: 'One thread with its messages (its organisations only)',
    tags,
    params: threadParams,
    response: thread,
    handler: async ({ params }, ctx) => getThread(ctx, params.threadId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/threads/:threadId/messages',
    capability: 'partnering.message',
    summary: 'Write in a thread',
    tags,
    params: threadParams,
    body: messageInput,
    response: message,
    status: 201,
    handler: async ({ params, body }, ctx) => sendMessage(ctx, params.threadId, body.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/threads/:threadId/read',
    capability: 'partnering.view',
    summary: 'Mark a thread read up to its last message',
    tags,
    params: threadParams,
    body: z.object({}).optional(),
    response: z.object({ unread: z.number().int() }),
    handler: async ({ params }, ctx) => markThreadRead(ctx, params.threadId),
  }),
]
