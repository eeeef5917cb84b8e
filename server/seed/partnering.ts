/**
 * Demo partner search: posts of the demo organisations and of two demo SMEs (one anonymous), and one
 * pending expression of interest in the demo SME's post (sme@securit.demo sees it under "My posts").
 * Idempotent: the same ids every time; a reseed refreshes texts and pushes expiries forward, and keeps
 * what people did since (status, interests received, messages).
 */
import { sql } from 'kysely'
import type { PartneringKind } from '../../shared/contracts/partnering.ts'
import { refreshPostVector } from '../modules/matchmaking/partnering/index.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { type Clock, systemClock } from '../platform/clock.ts'
import { type Database, inTransaction } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'
import { organisationIdOf, tagId } from './supply-support.ts'

const DAY = 86_400_000
const userIdOf = (email: string) => seedId(`user:${email}`)
const challengeIdOf = (code: string) => seedId(`challenge:${securit.slug}:${code}`)

interface SeedPost {
  key: string
  organisation: string
  author: string | null
  kind: PartneringKind
  title: string
  description: string
  expertiseOffered: string
  expertiseSought: string
  countriesWanted: string[]
  tags: `${'jrc' | 'nis' | 'enisa'}:${string}`[]
  challenge?: string
  demoCall?: boolean
  anonymous: boolean
  expiresInDays: number
}

const posts: SeedPost[] = [
  {
    key: 'sentinel-drones',
    organisation: 'demo-sme',
    author: 'sme@securit.demo',
    kind: 'technology_offer',
    title: 'Low-cost RF sensor mesh for drone detection around small sites',
    description:
      'Our wireless sensor mesh detects the radio links of consumer drones and locates the pilot within a few hundred metres. We look for sites to pilot it: water plants, substations, prisons or event venues.',
    expertiseOffered: 'RF sensing, sensor meshes, perimeter monitoring',
    expertiseSought: 'an operator of a critical site to validate the prototype',
    countriesWanted: [],
    tags: ['jrc:T16'],
    challenge: 'D1-C3',
    anonymous: false,
    expiresInDays: 60,
  },
  {
    key: 'city-crowds',
    organisation: 'demo-city',
    author: 'city@securit.demo',
    kind: 'technology_request',
    title: 'Crowd density monitoring for our summer festival',
    description:
      'The city hosts an open-air festival with 80,000 visitors a day. We look for a solution that estimates crowd density in real time without identifying anyone, to test during next summer’s edition.',
    expertiseOffered: 'a test site, event security staff, a command centre',
    expertiseSought: 'privacy-preserving crowd analytics, video or sensor based',
    countriesWanted: [],
    tags: [],
    challenge: 'D3-C3',
    anonymous: false,
    expiresInDays: 90,
  },
  {
    key: 'integrator-demo-call',
    organisation: 'demo-integrator',
    author: 'integrator@securit.demo',
    kind: 'partner_sought_for_call',
    title: 'SME partner sought for a command-centre integration in the demo call',
    description:
      'We integrate security systems for Nordic municipalities and want to apply to the demo call with an SME whose sensors or analytics we would integrate into a city command centre.',
    expertiseOffered: 'system integration, command-centre software, municipal customers',
    expertiseSought: 'SME with sensors or analytics at TRL 6 or more',
    countriesWanted: ['LT', 'LV', 'EE', 'PL', 'FI'],
    tags: [],
    demoCall: true,
    anonymous: false,
    expiresInDays: 45,
  },
  {
    key: 'anonymous-optronics',
    organisation: 'fernsicht',
    author: null,
    kind: 'technology_offer',
    title: 'Long-range thermal optronics for border and port surveillance',
    description:
      'A cooled thermal camera with automatic target detection at up to 12 km, proven in two ports. We would license it or co-develop an integration for coastal surveillance. Identity disclosed once we accept your interest.',
    expertiseOffered: 'thermal optronics, automatic target detection',
    expertiseSought: 'integrators or end-users in maritime security',
    countriesWanted: [],
    tags: [],
    anonymous: true,
    expiresInDays: 120,
  },
  {
    key: 'incendia-business',
    organisation: 'incendia',
    author: null,
    kind: 'business_request',
    title: 'Distribution partner for wildfire spread models in Portugal and Greece',
    description:
      'Our fire-spread models are used by Spanish extinction services. We look for a distributor or consultancy that works with civil protection in Portugal or Greece.',
    expertiseOffered: 'wildfire spread modelling, decision support',
    expertiseSought: 'sales and support for civil protection agencies',
    countriesWanted: ['PT', 'GR'],
    tags: [],
    challenge: 'D2-C2',
    anonymous: false,
    expiresInDays: 75,
  },
]

/** Seeds the demo partnering posts and the pending interest in the demo SME's post. */
export async function seedPartnering(db: Database, programmeId: string, clock: Clock = systemClock): Promise<number> {
  const now = clock.now()
  const ctx = { actor: systemActor, requestId: null, clock }
  return inTransaction(db, async (tx) => {
    const users = new Set((await tx.selectFrom('users').select('id').execute()).map((u) => u.id))
    const demoCall = await tx
      .selectFrom('calls')
      .select('id')
      .where('programme_id', '=', programmeId)
      .where('code', '=', 'DEMO')
      .executeTakeFirst()
    let seeded = 0
    for (const [i, p] of posts.entries()) {
      const id = seedId(`partnering:${securit.slug}:${p.key}`)
      const orgId = p.organisation.startsWith('demo-')
        ? seedId(`organisation:${p.organisation}`)
        : organisationIdOf(p.organisation)
      const org = await tx.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst()
      if (!org) continue
      const author = p.author && users.has(userIdOf(p.author)) ? userIdOf(p.author) : null
      const content = {
        kind: p.kind,
        title: p.title,
        description: p.description,
        expertise_offered: p.expertiseOffered,
        expertise_sought: p.expertiseSought,
        countries_wanted: p.countriesWanted,
        call_id: p.demoCall ? (demoCall?.id ?? null) : null,
        challenge_id: p.challenge ? challengeIdOf(p.challenge) : null,
        anonymous: p.anonymous,
        expires_at: new Date(now.getTime() + p.expiresInDays * DAY),
      }
      const published = new Date(now.getTime() - (i + 1) * 3 * DAY)
      const inserted = await tx
        .insertInto('partnering_posts')
        .values({
          id,
          programme_id: programmeId,
          organisation_id: orgId,
          author_id: author,
          reference: sql<string>`'PS-' || lpad(nextval('partnering_post_reference_seq')::text, 4, '0')`,
          status: 'published',
          published_at: published,
          created_at: published,
          updated_at: published,
          ...content,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet(content))
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx.deleteFrom('partnering_post_tags').where('post_id', '=', id).execute()
      if (p.tags.length) {
        await tx
          .insertInto('partnering_post_tags')
          .values(p.tags.map((t) => ({ post_id: id, term_id: tagId(t) })))
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      await refreshPostVector(tx, inserted.id)
      seeded++
    }
    // The demo city is interested in the demo SME's drone detection (pending: the SME decides).
    const smePost = seedId(`partnering:${securit.slug}:sentinel-drones`)
    const city = seedId('organisation:demo-city')
    const hasPost = await tx.selectFrom('partnering_posts').select('id').where('id', '=', smePost).executeTakeFirst()
    const hasCity = await tx.selectFrom('organisations').select('id').where('id', '=', city).executeTakeFirst()
    if (hasPost && hasCity) {
      const when = new Date(now.getTime() - DAY)
      await tx
        .insertInto('expressions_of_interest')
        .values({
          id: seedId(`partnering-interest:${securit.slug}:city-sentinel`),
          post_id: smePost,
          organisation_id: city,
          author_id: users.has(userIdOf('city@securit.demo')) ? userIdOf('city@securit.demo') : null,
          message:
            'Ville de Démoville runs a drinking-water plant that had drone overflights last spring. We would host a pilot of your sensor mesh there and can share our incident reports.',
          status: 'pending',
          created_at: when,
          updated_at: when,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    }
    await recordAudit(tx, ctx, {
      action: 'partnering.demo_seeded',
      subjectType: 'programme',
      subjectId: programmeId,
      change: { posts: seeded },
    })
    return seeded
  })
}
