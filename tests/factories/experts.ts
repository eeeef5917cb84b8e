import type { Database } from '../../server/platform/db/client.ts'
import type { Json } from './applications.ts'

/** A small valid PDF (the type is read from the bytes). */
export const pdfBase64 = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64')
/** A PNG header: refused as a CV. */
export const pngBase64 = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString(
  'base64',
)

export function profileBody(over: Record<string, unknown> = {}): Json {
  return {
    expertise: 'Thermal imaging and crowd safety in metro stations.',
    countries: ['BE'],
    languages: ['en', 'fr'],
    kind: 'practitioner',
    organisations: [],
    available: true,
    maxLoad: 8,
    ...over,
  }
}

/** The token from the last expert invitation mail to `email`. */
export async function expertToken(db: Database, email: string): Promise<string> {
  const mail = await db
    .selectFrom('mail_messages')
    .select('text_body')
    .where('to_address', '=', email.toLowerCase())
    .where('template', '=', 'expert_invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  const m = /expert-invitations\/([A-Za-z0-9_-]+)/.exec(mail.text_body ?? '')
  if (!m) throw new Error(`no expert invitation mail to ${email}`)
  return m[1]!
}

let seq = 0
/** A submitted application written straight to the database, with its accepted partners (lead first). */
export async function submittedApplication(
  db: Database,
  callId: string,
  organisationIds: string[],
  status: 'submitted' | 'draft' = 'submitted',
): Promise<{ id: string; reference: string }> {
  seq++
  const reference = `EXP-${Date.now().toString(36)}-${seq}`
  const app = await db
    .insertInto('applications')
    .values({
      call_id: callId,
      reference,
      lead_organisation_id: organisationIds[0]!,
      acronym: `APP${seq}`,
      title: `Application ${seq}`,
      status,
      submitted_at: status === 'submitted' ? new Date() : null,
      submitted_revision: status === 'submitted' ? 1 : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('application_partners')
    .values(
      organisationIds.map((org, i) => ({
        application_id: app.id,
        organisation_id: org,
        role: i === 0 ? 'lead' : 'partner',
        status: 'accepted',
        position: i,
      })),
    )
    .execute()
  return { id: app.id, reference }
}
