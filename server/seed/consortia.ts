/**
 * Demo consortium: the demo SME (sme@securit.demo) leads a forming consortium for the DEMO call, with
 * the demo city as an accepted partner and the demo integrator invited and not yet answering — the
 * rule check shows what is still missing. Idempotent: the same ids every time; a reseed refreshes the
 * texts and leaves what people did since (answers, new members, a conversion) alone.
 */
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { type Clock, systemClock } from '../platform/clock.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'

const DAY = 86_400_000
const userIdOf = (email: string) => seedId(`user:${email}`)

export async function seedConsortia(db: Database, programmeId: string, clock: Clock = systemClock): Promise<number> {
  const now = clock.now()
  const ctx = { actor: systemActor, requestId: null, clock }
  return inTransaction(db, async (tx) => {
    const call = await tx
      .selectFrom('calls')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where('code', '=', 'DEMO')
      .executeTakeFirst()
    const lead = seedId('organisation:demo-sme')
    const city = seedId('organisation:demo-city')
    const integrator = seedId('organisation:demo-integrator')
    const orgs = await tx.selectFrom('organisations').select('id').where('id', 'in', [lead, city, integrator]).execute()
    const users = await tx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [userIdOf('sme@securit.demo'), userIdOf('city@securit.demo')])
      .execute()
    if (!call || orgs.length < 3 || users.length < 2) return 0
    const challenge = await tx
      .selectFrom('challenge_calls')
      .select('challenge_id')
      .where('call_id', '=', call.id)
      .orderBy('challenge_id')
      .executeTakeFirst()
    const id = seedId(`consortium:${securit.slug}:demo-sentinel`)
    const existing = await tx.selectFrom('consortia').select('status').where('id', '=', id).executeTakeFirst()
    const texts = {
      name: 'Drone detection for critical sites',
      acronym: 'SENTINEL',
      lead_role: 'Coordinates the project and builds the RF sensor mesh.',
    }
    if (existing) {
      await tx.updateTable('consortia').set(texts).where('id', '=', id).execute()
      return 0
    }
    const created = new Date(now.getTime() - 5 * DAY)
    await tx
      .insertInto('consortia')
      .values({
        id,
        programme_id: programmeId,
        call_id: call.id,
        challenge_id: challenge?.challenge_id ?? null,
        lead_organisation_id: lead,
        created_by: userIdOf('sme@securit.demo'),
        ...texts,
        created_at: created,
        updated_at: new Date(now.getTime() - 2 * DAY),
      })
      .execute()
    await tx
      .insertInto('consortium_members')
      .values([
        {
          id: seedId(`consortium-member:${securit.slug}:demo-sentinel:city`),
          consortium_id: id,
          organisation_id: city,
          role: 'Pilot site: hosts the sensors around the city’s water plant and validates the alerts.',
          invited_by: userIdOf('sme@securit.demo'),
          invited_at: new Date(now.getTime() - 4 * DAY),
          source: 'partner_search',
          status: 'accepted',
          decided_at: new Date(now.getTime() - 3 * DAY),
          decided_by: userIdOf('city@securit.demo'),
        },
        {
          id: seedId(`consortium-member:${securit.slug}:demo-sentinel:integrator`),
          consortium_id: id,
          organisation_id: integrator,
          role: 'Integrates the alerts into the municipal command centre.',
          message: 'Would you integrate our alerts into your command centre for the demo call?',
          invited_by: userIdOf('sme@securit.demo'),
          invited_at: new Date(now.getTime() - 2 * DAY),
          source: 'direct',
          status: 'invited',
        },
      ])
      .execute()
    await recordAudit(tx, ctx, {
      action: 'consortium.seeded',
      subjectType: 'consortium',
      subjectId: id,
      change: { callId: call.id, leadOrganisationId: lead, members: [city, integrator] },
    })
    return 1
  })
}
