import { hashPassword } from 'better-auth/crypto'
import type { ProgrammeRole } from '../../shared/authz.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { systemClock } from '../platform/clock.ts'
import { type Database, inTransaction, type Tx } from '../platform/db/client.ts'
import { seedDemoApplications } from './applications.ts'
import { seedBrokerage } from './brokerage.ts'
import { seedCalls } from './calls.ts'
import { seedChallenges } from './challenges.ts'
import { seedConsortia } from './consortia.ts'
import { seedEvaluation } from './evaluation.ts'
import { seedId } from './ids.ts'
import { seedPartnering } from './partnering.ts'
import { securit } from './securit.ts'
import { seedSupply } from './supply.ts'
import { seedTaxonomies } from './taxonomies/index.ts'
import { seedDemoWorkshops } from './workshops.ts'

export const DEMO_PASSWORD = 'securit-demo-2026'

export interface DemoAccount {
  email: string
  name: string
  /** What this account shows off, for the start banner and the README. */
  role: string
  programmeRole?: ProgrammeRole
  cluster?: string
  organisation?: {
    key: string
    legalName: string
    country: string
    type: string
    role: 'owner' | 'admin' | 'member'
    /** The partner clusters (seed keys) the organisation is a member of. */
    clusters?: string[]
  }
}

/** One account per role, so every part of Cascade can be tried at once. */
export const demoAccounts: DemoAccount[] = [
  {
    email: 'operator@securit.demo',
    name: 'Olivia Operator',
    role: 'operator (programme manager)',
    programmeRole: 'operator',
  },
  {
    email: 'staff.hsd@securit.demo',
    name: 'Hendrik van Dijk',
    role: 'cluster staff, HSD',
    programmeRole: 'cluster_staff',
    cluster: 'hsd',
  },
  {
    email: 'staff.safe@securit.demo',
    name: 'Sophie Martin',
    role: 'cluster staff, Safe Cluster',
    programmeRole: 'cluster_staff',
    cluster: 'safe-cluster',
  },
  { email: 'expert@securit.demo', name: 'Elena Rossi', role: 'independent expert', programmeRole: 'expert' },
  {
    email: 'sme@securit.demo',
    name: 'Jonas Petraitis',
    role: 'SME owner',
    organisation: {
      key: 'demo-sme',
      legalName: 'Baltic Sentinel UAB',
      country: 'LT',
      type: 'sme',
      role: 'owner',
      clusters: ['l3ce'],
    },
  },
  {
    email: 'city@securit.demo',
    name: 'Camille Dubois',
    role: 'end-user (city)',
    organisation: {
      key: 'demo-city',
      legalName: 'Ville de Démoville',
      country: 'FR',
      type: 'public_authority',
      role: 'owner',
      clusters: ['safe-cluster'],
    },
  },
  {
    email: 'integrator@securit.demo',
    name: 'Lars Jensen',
    role: 'integrator',
    organisation: {
      key: 'demo-integrator',
      legalName: 'Nordic Systems Integration A/S',
      country: 'DK',
      type: 'integrator',
      role: 'owner',
      clusters: ['censec', 'hsd'],
    },
  },
]

const ctx = { actor: systemActor, requestId: null, clock: systemClock }

async function upsertOrganisation(
  tx: Tx,
  o: {
    key: string
    legalName: string
    shortName?: string
    country: string
    type: string
    website?: string
    description?: string
  },
) {
  const id = seedId(`organisation:${o.key}`)
  await tx
    .insertInto('organisations')
    .values({
      id,
      legal_name: o.legalName,
      short_name: o.shortName ?? null,
      country: o.country,
      type: o.type,
      website: o.website ?? null,
      description: o.description ?? '',
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        legal_name: o.legalName,
        short_name: o.shortName ?? null,
        country: o.country,
        type: o.type,
        website: o.website ?? null,
        description: o.description ?? '',
      }),
    )
    .execute()
  return id
}

/** Seeds the SecurIT programme, then its demo challenges (idempotent: run it as often as you like). */
export async function seedProgramme(db: Database): Promise<string> {
  const p = securit
  const programmeId = seedId(`programme:${p.slug}`)
  const id = await inTransaction(db, async (tx) => {
    const existing = await tx.selectFrom('programmes').select('id').where('id', '=', programmeId).executeTakeFirst()
    const values = {
      slug: p.slug,
      acronym: p.acronym,
      name: p.name,
      summary: JSON.stringify(p.summary),
      description: JSON.stringify(p.description),
      grant_reference: p.grantReference,
      website: p.website,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      time_zone: p.timeZone,
    }
    await tx
      .insertInto('programmes')
      .values({ id: programmeId, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute()
    for (const [i, c] of p.clusters.entries()) {
      const organisationId = await upsertOrganisation(tx, c)
      const clusterId = seedId(`cluster:${p.slug}:${c.key}`)
      const v = { role: c.role, description: JSON.stringify(c.about), position: i }
      await tx
        .insertInto('clusters')
        .values({ id: clusterId, programme_id: programmeId, organisation_id: organisationId, ...v })
        .onConflict((oc) => oc.column('id').doUpdateSet(v))
        .execute()
    }
    for (const [i, d] of p.domains.entries()) {
      const v = { code: d.code, name: JSON.stringify(d.name), description: JSON.stringify(d.description), position: i }
      await tx
        .insertInto('domains')
        .values({ id: seedId(`domain:${p.slug}:${d.code}`), programme_id: programmeId, ...v })
        .onConflict((oc) => oc.column('id').doUpdateSet(v))
        .execute()
    }
    for (const c of p.calls) {
      const v = {
        code: c.code,
        title: JSON.stringify(c.title),
        opens_at: c.opensAt,
        closes_at: c.closesAt,
        time_zone: p.timeZone,
      }
      await tx
        .insertInto('calls')
        .values({ id: seedId(`call:${p.slug}:${c.code}`), programme_id: programmeId, ...v })
        .onConflict((oc) => oc.column('id').doUpdateSet(v))
        .execute()
    }
    await seedTaxonomies(tx)
    await recordAudit(tx, ctx, {
      action: existing ? 'programme.reseeded' : 'programme.seeded',
      subjectType: 'programme',
      subjectId: programmeId,
      change: { slug: p.slug, clusters: p.clusters.length, domains: p.domains.length, calls: p.calls.length },
    })
    return programmeId
  })
  await seedChallenges(db, id)
  return id
}

/** Creates the demo accounts (verified, password DEMO_PASSWORD) with their roles and organisations. */
export async function seedDemoAccounts(db: Database, programmeId: string): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD)
  await inTransaction(db, async (tx) => {
    for (const a of demoAccounts) {
      const userId = seedId(`user:${a.email}`)
      const existing = await tx.selectFrom('users').select('id').where('email', '=', a.email).executeTakeFirst()
      if (existing) continue
      await tx.insertInto('users').values({ id: userId, name: a.name, email: a.email, email_verified: true }).execute()
      await tx
        .insertInto('accounts')
        .values({ user_id: userId, account_id: userId, provider_id: 'credential', password: hash })
        .execute()
      if (a.programmeRole) {
        await tx
          .insertInto('programme_roles')
          .values({
            programme_id: programmeId,
            user_id: userId,
            role: a.programmeRole,
            cluster_id: a.cluster ? seedId(`cluster:${securit.slug}:${a.cluster}`) : null,
          })
          .execute()
      }
      if (a.cluster) {
        await tx
          .insertInto('memberships')
          .values({ organisation_id: seedId(`organisation:${a.cluster}`), user_id: userId, role: 'member' })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      if (a.organisation) {
        const orgId = await upsertOrganisation(tx, a.organisation)
        await tx
          .insertInto('memberships')
          .values({ organisation_id: orgId, user_id: userId, role: a.organisation.role })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      await recordAudit(tx, ctx, {
        action: 'user.demo_seeded',
        subjectType: 'user',
        subjectId: userId,
        change: {
          email: a.email,
          programmeRole: a.programmeRole ?? null,
          organisation: a.organisation?.legalName ?? null,
        },
      })
    }
  })
  // The demo organisations' clusters: a French city with Safe Cluster, a Danish integrator with CenSec
  // and HSD, a Lithuanian SME with L3CE (also on a database seeded before cluster membership existed).
  await inTransaction(db, async (tx) => {
    for (const a of demoAccounts) {
      for (const key of a.organisation?.clusters ?? []) {
        await tx
          .insertInto('cluster_members')
          .values({
            cluster_id: seedId(`cluster:${securit.slug}:${key}`),
            organisation_id: seedId(`organisation:${a.organisation!.key}`),
          })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
    }
  })
  // The demo workshops need the demo people (organisers, participants, authors).
  await seedDemoWorkshops(db, programmeId)
  // The demo supply side: SMEs and their solutions with TRL self-assessments (the demo SME owns two).
  await seedSupply(db, programmeId)
  // SecurIT's open calls with their rules, the demo call open now, and demo applications to OC1 and OC2
  // (submitted, resubmitted, withdrawn, drafts), screened and partly reviewed.
  await seedCalls(db, programmeId)
  await seedDemoApplications(db)
  // Partner search: demo posts (one anonymous) and a pending interest in the demo SME's post.
  await seedPartnering(db, programmeId)
  // Brokerage: the demo matchmaking day (central scheduling) with the demo SME, city and integrator registered.
  await seedBrokerage(db, programmeId)
  // Consortia: the demo SME leads one for the DEMO call, the demo city accepted, the demo integrator invited.
  await seedConsortia(db, programmeId)
  // Evaluation: the expert pool; OC1 evaluated end to end in 2022 (funded, rejected, a redress); OC2 in evaluation now.
  await seedEvaluation(db, programmeId)
}
