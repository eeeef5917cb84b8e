import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { systemClock } from '../platform/clock.ts'
import { type Database, inTransaction, type Tx } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'

import { demoWorkshops, type Voter } from './workshops-data.ts'

const ctx = { actor: systemActor, requestId: null, clock: systemClock }
const userId = (email: string) => seedId(`user:${email}`)

async function userIdOf(tx: Tx, email: string): Promise<string | null> {
  const row = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  return row?.id ?? null
}

/**
 * Seeds the demo workshops, their use cases, approved registrations and closed votes. Needs the demo
 * accounts (seedDemoAccounts); skips quietly when they are missing. Idempotent.
 */
export async function seedDemoWorkshops(db: Database, programmeId: string): Promise<number> {
  const slug = securit.slug
  return inTransaction(db, async (tx) => {
    let seeded = 0
    for (const w of demoWorkshops) {
      const organiserId = await userIdOf(tx, w.organiser)
      const voters = Object.keys(w.ballots) as Voter[]
      const ids = await Promise.all(voters.map((v) => userIdOf(tx, v)))
      if (!organiserId || ids.some((i) => !i)) continue
      const voterIds = new Map(voters.map((v, i) => [v, ids[i]!]))
      const workshopId = seedId(`workshop:${slug}:${w.key}`)
      const starts = new Date(w.startsAt)
      const created = new Date(starts.getTime() - 30 * 86_400_000)
      const wv = {
        programme_id: programmeId,
        cluster_id: seedId(`cluster:${slug}:${w.cluster}`),
        status: 'published',
        title: w.title,
        description: w.description,
        format: 'online',
        starts_at: starts,
        ends_at: new Date(w.endsAt),
        time_zone: w.timeZone,
        capacity: w.capacity,
        domain_ids: w.domains.map((d) => seedId(`domain:${slug}:${d}`)),
        meeting_url: w.meetingUrl,
        location: null,
        points_budget: w.pointsBudget,
        vote_closes_at: new Date(w.voteClosesAt),
        created_by: organiserId,
        updated_at: created,
      }
      await tx
        .insertInto('workshops')
        .values({ id: workshopId, sequence: 0, created_at: created, ...wv })
        .onConflict((oc) => oc.column('id').doUpdateSet(wv))
        .execute()

      for (const u of w.useCases) {
        const useCaseId = seedId(`use-case:${slug}:${u.key}`)
        const authorId = voterIds.get(u.author) ?? userId(u.author)
        const submitted = new Date(starts.getTime() - 7 * 86_400_000)
        const decided = new Date(starts.getTime() - 2 * 86_400_000)
        const v = {
          programme_id: programmeId,
          organisation_id: seedId(`organisation:${u.org}`),
          domain_id: seedId(`domain:${slug}:${u.domain}`),
          reference: u.reference,
          status: 'accepted',
          confidentiality: 'public',
          revision: 1,
          title: u.title,
          content: JSON.stringify(u.content),
          trl_min: u.trl[0],
          trl_max: u.trl[1],
          created_by: authorId,
          updated_at: decided,
          submitted_at: submitted,
          decided_at: decided,
        }
        await tx
          .insertInto('use_cases')
          .values({ id: useCaseId, created_at: created, ...v })
          .onConflict((oc) => oc.column('id').doUpdateSet(v))
          .execute()
        const rev = {
          title: u.title,
          content: JSON.stringify(u.content),
          trl_min: u.trl[0],
          trl_max: u.trl[1],
          domain_id: v.domain_id,
          confidentiality: 'public',
          author_id: authorId,
          created_at: created,
        }
        await tx
          .insertInto('use_case_revisions')
          .values({ use_case_id: useCaseId, revision: 1, ...rev })
          .onConflict((oc) => oc.columns(['use_case_id', 'revision']).doUpdateSet(rev))
          .execute()
        const transitions = [
          { key: 'submit', from: 'draft', to: 'submitted', actor: authorId, at: submitted },
          { key: 'accept', from: 'submitted', to: 'accepted', actor: organiserId, at: decided },
        ]
        for (const t of transitions) {
          await tx
            .insertInto('use_case_transitions')
            .values({
              id: seedId(`use-case-transition:${slug}:${u.key}:${t.key}`),
              use_case_id: useCaseId,
              from_status: t.from,
              to_status: t.to,
              reason: null,
              actor_id: t.actor,
              created_at: t.at,
            })
            .onConflict((oc) => oc.doNothing())
            .execute()
        }
        await tx
          .insertInto('workshop_use_cases')
          .values({ workshop_id: workshopId, use_case_id: useCaseId })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }

      for (const [email, uid] of voterIds) {
        const r = { status: 'approved', attended: true, decided_at: created, decided_by: organiserId }
        await tx
          .insertInto('workshop_registrations')
          .values({
            id: seedId(`workshop-registration:${slug}:${w.key}:${email}`),
            workshop_id: workshopId,
            user_id: uid,
            created_at: created,
            ...r,
          })
          .onConflict((oc) => oc.columns(['workshop_id', 'user_id']).doUpdateSet(r))
          .execute()
        // A ballot is replaced as a whole, like the cast-ballot command does.
        await tx.deleteFrom('workshop_votes').where('workshop_id', '=', workshopId).where('user_id', '=', uid).execute()
        const castAt = new Date(starts.getTime() + 2 * 3_600_000)
        const rows = Object.entries(w.ballots[email as Voter]).map(([key, points]) => ({
          workshop_id: workshopId,
          user_id: uid,
          use_case_id: seedId(`use-case:${slug}:${key}`),
          points,
          cast_at: castAt,
        }))
        if (rows.length) await tx.insertInto('workshop_votes').values(rows).execute()
      }
      seeded++
    }
    if (seeded > 0) {
      await recordAudit(tx, ctx, {
        action: 'workshops.seeded',
        subjectType: 'programme',
        subjectId: programmeId,
        change: { workshops: demoWorkshops.map((w) => w.key), demo: true },
      })
    }
    return seeded
  })
}
