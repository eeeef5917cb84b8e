import type { ExpertProfile } from '../../../../../shared/contracts/experts.ts'
import type { Queryable } from '../../../../platform/db/client.ts'
import { DomainError } from '../../../../platform/errors.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** One person's expert profile with organisations, CV metadata and candidacies; 404 when there is none. */
export async function readExpertProfile(db: Queryable, userId: string): Promise<ExpertProfile> {
  const p = await db
    .selectFrom('expert_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('files as f', 'f.id', 'p.cv_file_id')
    .select([
      'p.user_id',
      'u.name',
      'u.email',
      'p.expertise',
      'p.tag_ids',
      'p.countries',
      'p.languages',
      'p.kind',
      'p.code_of_conduct_at',
      'p.confidentiality_at',
      'p.available',
      'p.max_load',
      'f.filename',
      'f.content_type',
      'f.byte_size',
    ])
    .where('p.user_id', '=', userId)
    .executeTakeFirst()
  if (!p) throw new DomainError('expert_profile_not_found')
  const orgs = await db
    .selectFrom('expert_organisations')
    .select(['organisation_id', 'name', 'country', 'from_year', 'to_year'])
    .where('user_id', '=', userId)
    .orderBy('position')
    .execute()
  const calls = await db
    .selectFrom('expert_calls as e')
    .innerJoin('calls as c', 'c.id', 'e.call_id')
    .select(['e.call_id', 'c.code', 'e.status', 'e.max_load'])
    .where('e.user_id', '=', userId)
    .orderBy('e.applied_at', 'desc')
    .execute()
  return {
    userId: p.user_id,
    name: p.name,
    email: p.email,
    expertise: p.expertise,
    tagIds: p.tag_ids,
    countries: p.countries,
    languages: p.languages,
    kind: p.kind as ExpertProfile['kind'],
    organisations: orgs.map((o) => ({
      organisationId: o.organisation_id,
      name: o.name,
      country: o.country,
      fromYear: o.from_year,
      toYear: o.to_year,
    })),
    cv:
      p.filename && p.content_type && p.byte_size !== null
        ? { filename: p.filename, contentType: p.content_type, byteSize: p.byte_size }
        : null,
    codeOfConductAt: iso(p.code_of_conduct_at),
    confidentialityAt: iso(p.confidentiality_at),
    available: p.available,
    maxLoad: p.max_load,
    calls: calls.map((c) => ({
      callId: c.call_id,
      callCode: c.code,
      status: c.status as ExpertProfile['calls'][number]['status'],
      maxLoad: c.max_load,
    })),
  }
}
