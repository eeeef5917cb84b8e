/**
 * For an application being prepared: partner organisations that complement its consortium. The query
 * is the application's text (title, acronym, shared answers, the chosen challenge) minus the words the
 * consortium's profiles already cover — what it lacks; the call's consortium rules (shared/calls) add
 * a country the consortium does not have when it needs more countries, an end-user or integrator when
 * one is required, an SME when it needs more SMEs; only eligible countries when the call lists them.
 * Organisations already in the application (invited, accepted, even declined) are left out.
 *
 * Only members of the lead organisation ask (they build the consortium): the other partners and the
 * programme's staff, who see the application, get 403; anyone else 404 `application_not_found`.
 */
import { type PartnerPart, partnerPart } from '../../../../../shared/contracts/applications.ts'
import { callConfig } from '../../../../../shared/contracts/calls.ts'
import type { PartnerSuggestions, RecommendationFact } from '../../../../../shared/contracts/recommendations.ts'
import { DomainError } from '../../../../platform/errors.ts'
import type { CommandContext } from '../../../../platform/http/route.ts'
import { words } from '../../engine/index.ts'
import { complementFeatures, type Member, needsOf, uncoveredText } from '../domain/complement.ts'
import { loadChallenges, loadOrganisations, loadSolutions } from '../store/documents.ts'
import { recommendationStore } from '../store/store.ts'
import { organisationItem, organisationListed, recommend } from './present.ts'

/** Every string in an answer value (text, choices, rows of tables…), depth first. */
export function answerStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) answerStrings(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) answerStrings(v, out)
  return out
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

function partOf(raw: unknown): PartnerPart {
  const parsed = partnerPart.safeParse(json(raw) ?? {})
  return parsed.success ? parsed.data : partnerPart.parse({})
}

async function loadApplicationFacts(ctx: CommandContext, applicationId: string) {
  const app = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select([
      'a.id',
      'a.title',
      'a.acronym',
      'a.answers',
      'a.challenge_id',
      'a.lead_organisation_id',
      'c.programme_id',
      'c.config',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  if (!app) throw new DomainError('application_not_found')
  const partners = await ctx.db
    .selectFrom('application_partners as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.organisation_id', 'p.role', 'p.status', 'p.part', 'o.country', 'o.type', 'o.sme_status'])
    .where('p.application_id', '=', applicationId)
    .execute()
  return { app, partners }
}

function requireLead(
  ctx: CommandContext,
  app: { lead_organisation_id: string; programme_id: string },
  partners: { organisation_id: string | null; status: string }[],
): void {
  const a = ctx.actor
  if (a.kind === 'system' || a.memberships.has(app.lead_organisation_id)) return
  const partner = partners.some(
    (p) => p.status === 'accepted' && p.organisation_id && a.memberships.has(p.organisation_id),
  )
  const staff = a.programmeRoles.some(
    (g) => g.effective && g.programmeId === app.programme_id && (g.role === 'operator' || g.role === 'cluster_staff'),
  )
  if (!partner && !staff) throw new DomainError('application_not_found')
  throw new DomainError('forbidden', 'Only members of the lead organisation build the consortium.', {
    reason: 'not_a_member',
  })
}

export async function suggestPartners(
  ctx: CommandContext,
  applicationId: string,
  limit: number,
): Promise<PartnerSuggestions> {
  const { app, partners } = await loadApplicationFacts(ctx, applicationId)
  requireLead(ctx, app, partners)
  const rules = callConfig.parse(json(app.config) ?? {}).consortium
  const counted = partners.filter((p) => p.role === 'lead' || p.status === 'accepted')
  const members: Member[] = counted.map((p) => ({
    country: p.country,
    type: p.type,
    smeCategory: p.sme_status ?? partOf(p.part).smeDeclaration.category,
  }))
  const needs = needsOf(rules, members)
  const inConsortium = [...new Set(partners.flatMap((p) => (p.organisation_id ? [p.organisation_id] : [])))]
  const memberIds = [...new Set(counted.flatMap((p) => (p.organisation_id ? [p.organisation_id] : [])))]

  const store = recommendationStore(ctx.db)
  const index = await store.index('organisations')
  const [challenge] = app.challenge_id ? await loadChallenges(ctx.db, [app.challenge_id]) : []
  const text = [
    app.title,
    app.acronym,
    ...answerStrings(json(app.answers)),
    challenge?.fields?.title ?? '',
    challenge?.fields?.text ?? '',
  ].join('\n')
  const lang = index.languageOf({ text })

  // What the consortium's profiles and solutions already say.
  const covered = new Set<string>()
  const analyzer = index.analyzer
  for (const o of await loadOrganisations(ctx.db, memberIds)) {
    for (const t of analyzer.analyze(o.text ?? '', index.languageOf(o))) covered.add(t.term)
  }
  for (const s of await loadSolutions(ctx.db, { organisationIds: memberIds })) {
    const l = index.languageOf(s)
    for (const t of analyzer.analyze(`${s.fields?.title ?? ''}\n${s.fields?.text ?? ''}`, l)) covered.add(t.term)
  }
  const query = uncoveredText(words(text), (w) => analyzer.term(w, lang), covered)

  const listed = organisationListed(ctx.actor)
  const items = await recommend(
    ctx.db,
    index,
    {
      text: query.text,
      lang,
      tags: challenge?.tags ?? [],
      exclude: inConsortium,
      countries: needs.eligibleCountries.length ? needs.eligibleCountries : null,
    },
    { k: limit, where: listed, features: complementFeatures(needs) },
    (doc) => organisationItem(ctx.actor, doc),
    (r): RecommendationFact[] => {
      const shared = (r.explanation?.terms ?? []).slice(0, 4).map((t) => t.documentWord)
      return memberIds.length > 0 && shared.length > 0
        ? [{ code: 'expertise_missing', params: { words: shared.join(', ') } }]
        : []
    },
  )
  const { haveCountries: _, ...shown } = needs
  return { needs: { ...shown, coveredWords: query.left }, items }
}
