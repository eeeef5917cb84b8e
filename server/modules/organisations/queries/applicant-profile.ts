import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type {
  ApplicantProfile,
  ProfileTag,
  ProfileVisibility,
  SmeExplanation,
  SmeStatus,
} from '../../../../shared/contracts/profiles.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { abilitiesFor, authorize } from '../../../platform/authz/policy.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { identityVisible } from '../domain/disclosure.ts'
import { assessSme } from '../domain/sme.ts'
import { iso, logoUrl } from './organisation-view.ts'

const num = (v: string | number | null) => (v === null ? null : Number(v))
const parseJson = <T>(v: unknown): T | null =>
  v === null || v === undefined ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T)

/** The expertise tags of some organisations, by organisation, in name order. */
export async function tagsOf(db: Queryable, organisationIds: string[]): Promise<Map<string, ProfileTag[]>> {
  const out = new Map<string, ProfileTag[]>()
  if (organisationIds.length === 0) return out
  const rows = await db
    .selectFrom('organisation_tags as ot')
    .innerJoin('taxonomy_terms as t', 't.id', 'ot.term_id')
    .select(['ot.organisation_id', 't.id', 't.taxonomy_id', 't.code', 't.name'])
    .where('ot.organisation_id', 'in', organisationIds)
    .orderBy('t.name')
    .execute()
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? []
    list.push({ id: r.id, taxonomyId: r.taxonomy_id, code: r.code, name: r.name })
    out.set(r.organisation_id, list)
  }
  return out
}

/**
 * The applicant profile with its figures, relations and SME reasoning: for the organisation's own
 * members and for brokers (the route asks for organisation.view; the disclosure rule is checked again).
 */
export async function readApplicantProfile(
  db: Queryable,
  actor: Actor,
  organisationId: string,
): Promise<ApplicantProfile> {
  const org = await db
    .selectFrom('organisations as o')
    .leftJoin('files as f', 'f.id', 'o.logo_file_id')
    .select([
      'o.id',
      'o.public_ref',
      'o.type',
      'o.country',
      'o.headcount',
      'o.annual_turnover_cents',
      'o.balance_sheet_cents',
      'o.financial_year',
      'o.founded_year',
      'o.region',
      'o.public_body_control',
      'o.visibility',
      'o.description',
      'o.language',
      'o.language_declared',
      'o.sme_status',
      'o.sme_explanation',
      'o.sme_checked_at',
      'f.filename as logo_filename',
      'f.content_type as logo_type',
      'f.byte_size as logo_size',
      'f.sha256 as logo_sha256',
    ])
    .where('o.id', '=', organisationId)
    .executeTakeFirst()
  if (!org || !identityVisible(actor, org)) throw new DomainError('organisation_not_found')
  const relations = await db
    .selectFrom('organisation_relations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .execute()
  const tags = (await tagsOf(db, [organisationId])).get(organisationId) ?? []
  const relationValues = relations.map((r) => ({
    id: r.id,
    relation: r.relation as 'partner' | 'linked',
    name: r.name,
    country: r.country as ApplicantProfile['relations'][number]['country'],
    sharePercent: Number(r.share_percent),
    headcount: Number(r.headcount),
    annualTurnoverCents: Number(r.annual_turnover_cents),
    balanceSheetCents: Number(r.balance_sheet_cents),
  }))
  const subject = { type: 'organisation', id: organisationId } as const
  return {
    organisationId: org.id,
    publicRef: org.public_ref,
    type: org.type as OrganisationType,
    country: org.country,
    headcount: num(org.headcount),
    annualTurnoverCents: num(org.annual_turnover_cents),
    balanceSheetCents: num(org.balance_sheet_cents),
    financialYear: org.financial_year,
    foundedYear: org.founded_year,
    region: org.region,
    publicBodyControl: org.public_body_control,
    visibility: org.visibility as ProfileVisibility,
    description: org.description,
    language: org.language,
    languageDeclared: org.language_declared,
    tags,
    relations: relationValues,
    sme: {
      status: (org.sme_status ?? null) as SmeStatus | null,
      // Never checked (an organisation from before the profile existed): the reasoning of the figures
      // as they are, so that the missing ones are named.
      explanation:
        parseJson<SmeExplanation>(org.sme_explanation) ??
        assessSme({
          headcount: num(org.headcount),
          annualTurnoverCents: num(org.annual_turnover_cents),
          balanceSheetCents: num(org.balance_sheet_cents),
          publicBodyControl: org.public_body_control,
          relations: relationValues,
        }).explanation,
      checkedAt: org.sme_checked_at ? iso(org.sme_checked_at) : null,
    },
    logo:
      org.logo_sha256 && org.logo_filename && org.logo_type
        ? {
            url: logoUrl(org.public_ref, org.logo_sha256)!,
            filename: org.logo_filename,
            contentType: org.logo_type,
            byteSize: Number(org.logo_size ?? 0),
          }
        : null,
    abilities: abilitiesFor(actor, { update: 'organisation.update' }, subject),
  }
}

export async function getApplicantProfile(ctx: CommandContext, organisationId: string): Promise<ApplicantProfile> {
  authorize(ctx.actor, 'organisation.view', { type: 'organisation', id: organisationId })
  return readApplicantProfile(ctx.db, ctx.actor, organisationId)
}
