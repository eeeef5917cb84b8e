import { z } from 'zod'
import { programmeRoles } from '../authz.ts'
import { isoDateTime, pageOf, pageQuery, sortParam, uuid } from './common.ts'

export const adminUser = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: isoDateTime,
  programmeRoles: z.array(
    z.object({
      id: uuid,
      role: z.enum(programmeRoles),
      clusterId: uuid.nullable(),
      clusterName: z.string().nullable(),
    }),
  ),
  organisationCount: z.number().int(),
})
export type AdminUser = z.infer<typeof adminUser>
export const adminUserListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum([...programmeRoles, 'none']).optional(),
  sort: sortParam(['name', 'email', 'createdAt'] as const, '-createdAt'),
})
export const adminUserPage = pageOf(adminUser)
export const adminUserPatch = z.object({ disabled: z.boolean() })

export const roleGrantInput = z
  .object({
    userId: uuid,
    role: z.enum(programmeRoles),
    clusterId: uuid.nullable().optional(),
  })
  .refine((v) => (v.role === 'cluster_staff') === (v.clusterId != null), {
    path: ['clusterId'],
    message: 'cluster_required_for_cluster_staff',
  })

export const auditEvent = z.object({
  seq: z.string(),
  occurredAt: isoDateTime,
  actorType: z.string(),
  actorId: uuid.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  change: z.unknown(),
  digest: z.string(),
  requestId: z.string().nullable(),
})
export type AuditEvent = z.infer<typeof auditEvent>
export const auditEventQuery = pageQuery.extend({
  actor: z.string().trim().max(200).optional(),
  subjectType: z.string().trim().max(60).optional(),
  subjectId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sort: sortParam(['seq'] as const, '-seq'),
})
export const auditEventPage = pageOf(auditEvent)

export const mailMessage = z.object({
  id: uuid,
  to: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  transport: z.enum(['smtp', 'mailbox']),
  status: z.enum(['queued', 'sent', 'failed']),
  createdAt: isoDateTime,
  /** Files sent with the message (the ICS invitation), downloadable one by one by their index. */
  attachments: z.array(
    z.object({ index: z.number().int().min(0), filename: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
})
export type MailMessage = z.infer<typeof mailMessage>
export const mailboxQuery = pageQuery.extend({
  to: z.string().trim().max(254).optional(),
  q: z.string().trim().max(200).optional(),
  sort: sortParam(['createdAt'] as const, '-createdAt'),
})
export const mailboxPage = pageOf(mailMessage)
