/**
 * The demo expert pool (evaluation-data/experts.ts) through the experts module's own commands, each at
 * its moment: the person writes their profile and signs both declarations (April 2022, before OC1's
 * evaluation), accepts the invitation to a call (a candidacy), and the demo operator approves them for
 * it with the call's load. The demo account expert@securit.demo is one of them. Idempotent: a profile
 * or a candidacy that exists is left alone.
 */
import { createCandidacy, decideCandidacy } from '../modules/evaluation/experts/commands/candidacy.ts'
import { saveExpertProfile, signExpertDeclarations } from '../modules/evaluation/experts/commands/profile.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { callIdOf } from './calls.ts'
import { FixedClock, seedContext } from './calls-support.ts'
import { type SeedExpert, seedExperts } from './evaluation-data/experts.ts'
import { expertActor, operatorActor } from './evaluation-support.ts'
import { seedId } from './ids.ts'
import { tagId } from './supply-support.ts'

export type ExpertIds = Map<string, string>

/** The user of each seeded expert by e-mail (created when missing: they do not sign in to the demo). */
async function ensureUsers(db: Database): Promise<ExpertIds> {
  const ids: ExpertIds = new Map()
  for (const e of seedExperts) {
    const found = await db.selectFrom('users').select('id').where('email', '=', e.email).executeTakeFirst()
    if (found) {
      ids.set(e.email, found.id)
      continue
    }
    const id = seedId(`user:${e.email}`)
    await inTransaction(db, async (tx) => {
      await tx.insertInto('users').values({ id, name: e.name, email: e.email, email_verified: true }).execute()
      await recordAudit(
        tx,
        { actor: systemActor, requestId: null, clock: new FixedClock(new Date()) },
        {
          action: 'user.demo_seeded',
          subjectType: 'user',
          subjectId: id,
          change: { email: e.email, programmeRole: null, organisation: null, expert: true },
        },
      )
    })
    ids.set(e.email, id)
  }
  return ids
}

async function ensureProfile(db: Database, programmeId: string, e: SeedExpert, userId: string, when: Date) {
  const exists = await db
    .selectFrom('expert_profiles')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (exists) return
  const clock = new FixedClock(when)
  const ctx = seedContext(db, clock, expertActor(userId, e.email, programmeId))
  const orgKeys = e.organisations.flatMap((o) => (o.organisationKey ? [o.organisationKey] : []))
  const platformOrgs = new Map(
    orgKeys.length
      ? (
          await db
            .selectFrom('organisations')
            .select(['id', 'legal_name'])
            .where(
              'id',
              'in',
              orgKeys.map((k) => seedId(`organisation:supply:${k}`)),
            )
            .execute()
        ).map((o) => [o.id, o.legal_name])
      : [],
  )
  await saveExpertProfile(ctx, {
    expertise: e.expertise,
    tagIds: e.tags.map(tagId),
    countries: e.countries,
    languages: e.languages,
    kind: e.kind,
    organisations: e.organisations.map((o) => {
      const id = o.organisationKey ? seedId(`organisation:supply:${o.organisationKey}`) : null
      return {
        organisationId: id && platformOrgs.has(id) ? id : null,
        name: o.name,
        country: o.country,
        fromYear: o.fromYear,
        toYear: o.toYear,
      }
    }),
    available: true,
    maxLoad: e.maxLoad,
  })
  clock.set(new Date(when.getTime() + 20 * 60_000))
  await signExpertDeclarations(ctx, { codeOfConduct: true, confidentiality: true })
}

/**
 * Profiles (at `profilesAt`), then, per call, the candidacy from the accepted invitation at `invitedAt`
 * and the operator's approval at `approvedAt`. Returns the experts' user ids by e-mail.
 */
export async function seedExpertPool(
  db: Database,
  programmeId: string,
  moments: { profilesAt: Date; calls: Record<'OC1' | 'OC2', { invitedAt: Date; approvedAt: Date }> },
): Promise<ExpertIds> {
  const ids = await ensureUsers(db)
  for (const [i, e] of seedExperts.entries()) {
    await ensureProfile(db, programmeId, e, ids.get(e.email)!, new Date(moments.profilesAt.getTime() + i * 3_600_000))
  }
  const operator = await operatorActor(db, programmeId)
  for (const code of ['OC1', 'OC2'] as const) {
    const callId = callIdOf(code)
    const { invitedAt, approvedAt } = moments.calls[code]
    const existing = new Set(
      (await db.selectFrom('expert_calls').select('user_id').where('call_id', '=', callId).execute()).map(
        (r) => r.user_id,
      ),
    )
    for (const [i, e] of seedExperts.entries()) {
      const load = e.calls[code]
      const userId = ids.get(e.email)!
      if (load === undefined || existing.has(userId)) continue
      const clock = new FixedClock(new Date(invitedAt.getTime() + i * 47 * 60_000))
      const ctx = seedContext(db, clock, expertActor(userId, e.email, programmeId))
      await inTransaction(db, (tx) =>
        createCandidacy(tx, ctx, {
          callId,
          userId,
          source: 'invitation',
          motivation: '',
          maxLoad: load,
        }),
      )
      clock.set(new Date(approvedAt.getTime() + i * 5 * 60_000))
      await decideCandidacy(seedContext(db, clock, operator), callId, userId, {
        status: 'approved',
        maxLoad: load,
        note: '',
      })
    }
  }
  return ids
}
