import type { Queryable } from '../../../../platform/db/client.ts'
import {
  type ApplicationFacts,
  type ConflictSettings,
  defaultConflictSettings,
  type ExpertFacts,
  type PartnerFacts,
} from '../domain/rules.ts'

/**
 * Gathers what the conflict rules judge, for one call: its candidate experts (pending or approved) and
 * its submitted applications, in a fixed number of queries whatever their count.
 *
 * - Expert organisations: the profile's list, plus the platform organisations the person belongs to
 *   (current by definition).
 * - Clusters: a cluster_staff grant in the call's programme, or membership of a cluster's organisation.
 * - Partners: accepted partners (the lead included) with their declared partner and linked enterprises,
 *   the programme's clusters they are members of, and the other consortia they were in: other
 *   applications of the programme (not drafts or withdrawn ones) and consortia still forming.
 */
export async function gatherCallFacts(
  db: Queryable,
  call: { id: string; programme_id: string },
): Promise<{
  experts: (ExpertFacts & { name: string })[]
  applications: (ApplicationFacts & { reference: string })[]
}> {
  const experts = await db
    .selectFrom('expert_calls as e')
    .innerJoin('expert_profiles as p', 'p.user_id', 'e.user_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.name', 'p.countries'])
    .where('e.call_id', '=', call.id)
    .where('e.status', 'in', ['pending', 'approved'])
    .orderBy('u.name')
    .execute()
  const userIds = experts.map((e) => e.user_id)
  const profileOrgs = userIds.length
    ? await db
        .selectFrom('expert_organisations')
        .select(['user_id', 'organisation_id', 'name', 'country', 'to_year'])
        .where('user_id', 'in', userIds)
        .orderBy('position')
        .execute()
    : []
  const memberOrgs = userIds.length
    ? await db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.user_id', 'o.id', 'o.legal_name', 'o.country'])
        .where('m.user_id', 'in', userIds)
        .execute()
    : []
  const clusters = await db
    .selectFrom('clusters as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.organisation_id', 'o.short_name', 'o.legal_name'])
    .where('c.programme_id', '=', call.programme_id)
    .execute()
  const clusterName = new Map(clusters.map((c) => [c.id, c.short_name || c.legal_name]))
  const staff = userIds.length
    ? await db
        .selectFrom('programme_roles')
        .select(['user_id', 'cluster_id'])
        .where('programme_id', '=', call.programme_id)
        .where('role', '=', 'cluster_staff')
        .where('user_id', 'in', userIds)
        .execute()
    : []

  const expertFacts = experts.map((e) => {
    const organisations: ExpertFacts['organisations'] = profileOrgs
      .filter((o) => o.user_id === e.user_id)
      .map((o) => ({ organisationId: o.organisation_id, name: o.name, country: o.country, toYear: o.to_year }))
    for (const m of memberOrgs.filter((x) => x.user_id === e.user_id)) {
      if (!organisations.some((o) => o.organisationId === m.id))
        organisations.push({ organisationId: m.id, name: m.legal_name, country: m.country, toYear: null })
    }
    const own = new Set(organisations.flatMap((o) => (o.organisationId ? [o.organisationId] : [])))
    const ids = new Set([
      ...staff.filter((s) => s.user_id === e.user_id && s.cluster_id).map((s) => s.cluster_id as string),
      ...clusters.filter((c) => own.has(c.organisation_id)).map((c) => c.id),
    ])
    return {
      userId: e.user_id,
      name: e.name,
      countries: e.countries,
      organisations,
      clusters: [...ids].map((id) => ({ id, name: clusterName.get(id) ?? id })),
    }
  })

  const apps = await db
    .selectFrom('applications')
    .select(['id', 'reference'])
    .where('call_id', '=', call.id)
    .where('status', '=', 'submitted')
    .orderBy('reference')
    .execute()
  const appIds = apps.map((a) => a.id)
  const partners = appIds.length
    ? await db
        .selectFrom('application_partners as ap')
        .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
        .select(['ap.application_id', 'o.id', 'o.legal_name', 'o.country'])
        .where('ap.application_id', 'in', appIds)
        .where('ap.status', '=', 'accepted')
        .orderBy('ap.position')
        .execute()
    : []
  const orgIds = [...new Set(partners.map((p) => p.id))]
  const relations = orgIds.length
    ? await db
        .selectFrom('organisation_relations')
        .select(['organisation_id', 'name', 'country', 'relation'])
        .where('organisation_id', 'in', orgIds)
        .execute()
    : []
  const clusterMembers =
    orgIds.length && clusters.length
      ? await db
          .selectFrom('cluster_members')
          .select(['cluster_id', 'organisation_id'])
          .where('organisation_id', 'in', orgIds)
          .where(
            'cluster_id',
            'in',
            clusters.map((c) => c.id),
          )
          .execute()
      : []
  const past = await pastConsortia(db, call.programme_id, orgIds)
  const declared = appIds.length
    ? await db
        .selectFrom('expert_conflicts')
        .select(['application_id', 'user_id', 'reason'])
        .where('application_id', 'in', appIds)
        .where('withdrawn_at', 'is', null)
        .execute()
    : []

  const applications = apps.map((a) => ({
    applicationId: a.id,
    reference: a.reference,
    partners: partners
      .filter((p) => p.application_id === a.id)
      .map(
        (p): PartnerFacts => ({
          organisationId: p.id,
          name: p.legal_name,
          country: p.country,
          relations: relations
            .filter((r) => r.organisation_id === p.id)
            .map((r) => ({ name: r.name, country: r.country, relation: r.relation as 'partner' | 'linked' })),
          clusterIds: clusterMembers.filter((c) => c.organisation_id === p.id).map((c) => c.cluster_id),
          pastConsortia: past.filter((c) => c.id !== a.id && c.members.some((m) => m.organisationId === p.id)),
        }),
      ),
    declared: declared.filter((d) => d.application_id === a.id).map((d) => ({ userId: d.user_id, reason: d.reason })),
  }))
  return { experts: expertFacts, applications }
}

/** Other consortia of the programme containing any of `orgIds`, with all their members. */
async function pastConsortia(db: Queryable, programmeId: string, orgIds: string[]) {
  if (!orgIds.length) return []
  const appRows = await db
    .selectFrom('application_partners as ap')
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
    .select(['a.id', 'a.reference', 'o.id as organisation_id', 'o.legal_name'])
    .where('c.programme_id', '=', programmeId)
    .where('a.status', '=', 'submitted')
    .where('ap.status', '=', 'accepted')
    .where('a.id', 'in', (eb) =>
      eb
        .selectFrom('application_partners')
        .select('application_id')
        .where('organisation_id', 'in', orgIds)
        .where('status', '=', 'accepted'),
    )
    .execute()
  const consortiumRows = await db
    .selectFrom('consortia as k')
    .innerJoin('consortium_members as m', 'm.consortium_id', 'k.id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('organisations as lead', 'lead.id', 'k.lead_organisation_id')
    .select([
      'k.id',
      'k.name',
      'k.acronym',
      'k.lead_organisation_id',
      'lead.legal_name as lead_name',
      'o.id as organisation_id',
      'o.legal_name',
    ])
    .where('k.programme_id', '=', programmeId)
    .where('k.status', '=', 'forming')
    .where('m.status', '=', 'accepted')
    .execute()
  const byId = new Map<string, { id: string; reference: string; members: { organisationId: string; name: string }[] }>()
  for (const r of appRows) {
    const c = byId.get(r.id) ?? { id: r.id, reference: r.reference, members: [] }
    c.members.push({ organisationId: r.organisation_id, name: r.legal_name })
    byId.set(r.id, c)
  }
  for (const r of consortiumRows) {
    const c = byId.get(r.id) ?? {
      id: r.id,
      reference: r.acronym || r.name,
      members: [{ organisationId: r.lead_organisation_id, name: r.lead_name }],
    }
    c.members.push({ organisationId: r.organisation_id, name: r.legal_name })
    byId.set(r.id, c)
  }
  const wanted = new Set(orgIds)
  return [...byId.values()].filter((c) => c.members.some((m) => wanted.has(m.organisationId)))
}

export async function conflictSettingsOf(db: Queryable, callId: string): Promise<ConflictSettings> {
  const s = await db
    .selectFrom('expert_conflict_settings')
    .select(['cluster_rule', 'same_country_rule'])
    .where('call_id', '=', callId)
    .executeTakeFirst()
  return s ? { clusterRule: s.cluster_rule, sameCountryRule: s.same_country_rule } : defaultConflictSettings
}
