import { z } from 'zod'
import {
  adminUserListQuery,
  adminUserPage,
  adminUserPatch,
  auditEventPage,
  auditEventQuery,
  mailboxPage,
  mailboxQuery,
  mailMessage,
  roleGrantInput,
} from '../../../../shared/contracts/admin.ts'
import { uuid } from '../../../../shared/contracts/common.ts'
import { attachmentHeader } from '../../../platform/export/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { grantRole } from '../commands/grant-role.ts'
import { revokeRole } from '../commands/revoke-role.ts'
import { setUserDisabled } from '../commands/set-user-disabled.ts'
import { listAuditEvents } from '../queries/list-audit-events.ts'
import { listUsers } from '../queries/list-users.ts'
import { getMail, getMailAttachment, listMail } from '../queries/mailbox.ts'

const tags = ['administration']

export const adminRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/users',
    capability: 'admin.users.view',
    summary: 'People with an account, with their programme roles',
    tags,
    query: adminUserListQuery,
    response: adminUserPage,
    handler: async ({ query }, ctx) => listUsers(ctx, query),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/admin/users/:userId',
    capability: 'admin.users.manage',
    summary: 'Disable or re-enable an account',
    tags,
    params: z.object({ userId: uuid }),
    body: adminUserPatch,
    response: z.object({ id: uuid, disabled: z.boolean() }),
    handler: async ({ params, body }, ctx) => {
      await setUserDisabled(ctx, params.userId, body.disabled)
      return { id: params.userId, disabled: body.disabled }
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/admin/programme-roles',
    capability: 'admin.roles.manage',
    summary: 'Give a person a programme role (operator, cluster staff, expert)',
    tags,
    body: roleGrantInput,
    response: z.object({ id: uuid }),
    status: 201,
    handler: async ({ body }, ctx) => ({ id: await grantRole(ctx, body) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/admin/programme-roles/:grantId',
    capability: 'admin.roles.manage',
    summary: 'Take a programme role away',
    tags,
    params: z.object({ grantId: uuid }),
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await revokeRole(ctx, params.grantId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/audit-events',
    capability: 'admin.audit.view',
    summary: 'The activity log (hash-chained audit events)',
    tags,
    query: auditEventQuery,
    response: auditEventPage,
    handler: async ({ query }, ctx) => listAuditEvents(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/mailbox',
    capability: 'admin.mailbox.view',
    summary: 'The development mailbox: every message Cascade sent or kept',
    tags,
    query: mailboxQuery,
    response: mailboxPage,
    handler: async ({ query }, ctx) => listMail(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/mailbox/:messageId',
    capability: 'admin.mailbox.view',
    summary: 'One message of the development mailbox',
    tags,
    params: z.object({ messageId: uuid }),
    response: mailMessage,
    handler: async ({ params }, ctx) => getMail(ctx, params.messageId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/admin/mailbox/:messageId/attachments/:index',
    capability: 'admin.mailbox.view',
    summary: 'One attachment of a message of the development mailbox (by its index), as a download',
    tags,
    params: z.object({ messageId: uuid, index: z.coerce.number().int().min(0).max(100) }),
    response: z.unknown(),
    download: { contentTypes: ['application/octet-stream', 'text/calendar'] },
    handler: async ({ params }, ctx, _req, reply) => {
      const a = await getMailAttachment(ctx, params.messageId, params.index)
      reply
        .code(200)
        .header('content-type', a.contentType)
        .header('content-disposition', attachmentHeader(a.filename))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(a.content, 'base64'))
    },
  }),
]
