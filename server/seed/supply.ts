import { sql } from 'kysely'
import type { SolutionSnapshot } from '../../shared/contracts/solutions.ts'
import type { TrlAnswerInput, TrlDimension } from '../../shared/contracts/trl.ts'
import { refreshSearchVector as refreshOrganisationVector } from '../modules/organisations/commands/profile-support.ts'
import { assessSme } from '../modules/organisations/domain/sme.ts'
import { evaluate, questionnaireFor, refreshSearchVectors, storedTrl } from '../modules/solutions/index.ts'
import { recordAudit } from '../platform/audit/index.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { systemClock } from '../platform/clock.ts'
import { type Database, inTransaction, type Tx } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import { securit } from './securit.ts'
import {
  demoOrganisations,
  demoSmeProfile,
  demoSolutions,
  type SeedOrganisation,
  type SeedSolution,
  SUPPLY_DEMO_NOTE,
  type TagRef,
} from './supply-data.ts'
import { termId } from './taxonomies/index.ts'

const ctx = { actor: systemActor, requestId: null, clock: systemClock }
const taxonomies: Record<string, string> = { jrc: 'jrc-cybersecurity', nis: 'nis-sectors', enisa: 'enisa-threats' }

export const organisationIdOf = (key: string) =>
  key === 'demo-sme' ? seedId('organisation:demo-sme') : seedId(`organisation:supply:${key}`)
export const solutionIdOf = (key: string) => seedId(`solution:supply:${key}`)

/** `jrc:T05` → the term's id. */
export function tagId(ref: TagRef): string {
  const i = ref.indexOf(':')
  const taxonomy = taxonomies[ref.slice(0, i)]
  if (!taxonomy) throw new Error(`Unknown taxonomy prefix in ${ref}`)
  return termId(taxonomy, ref.slice(i + 1))
}

const cents = (thousands: number) => Math.round(thousands * 1000 * 100)
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** The organisation's figures for the SME check (Recommendation 2003/361), and its verdict. */
function smeOf(o: {
  headcount: number
  turnoverK: number
  balanceK: number
  relations?: SeedOrganisation['relations']
}) {
  return assessSme({
    headcount: o.headcount,
    annualTurnoverCents: cents(o.turnoverK),
    balanceSheetCents: cents(o.balanceK),
    publicBodyControl: false,
    relations: (o.relations ?? []).map((r) => ({
      relation: r.relation,
      sharePercent: r.share,
      headcount: r.headcount,
      annualTurnoverCents: cents(r.turnoverK),
      balanceSheetCents: cents(r.balanceK),
    })),
  })
}

/**
 * Evidence for one "yes", in the applicant's words: what was done, when, where, and a link. Written
 * from the criterion's aspect and level and the solution's own facts (its references and deployments),
 * so that each trail reads as a consistent story up to the level the solution reaches.
 */
function evidenceFor(sol: SeedSolution, criterion: string, dimension: TrlDimension, level: number) {
  const ref = sol.references?.[0]
  const lastYear = ref?.[2] ?? 2024
  const year = Math.max(2012, Math.min(2025, lastYear - Math.max(0, sol.trl - level)))
  const site = ref ? `${ref[3]} (${ref[1]}, ${ref[2]})` : 'a test site set up with a prospective customer'
  const texts: Record<TrlDimension, string> = {
    basis: `Technical note summarising the published work ${sol.name} builds on (${year}).`,
    concept: `Concept note and first architecture of ${sol.name}, reviewed internally in ${year}.`,
    artefact:
      level <= 4
        ? `Laboratory set-up of ${sol.name} assembled in ${year}; photos and configuration list attached to the report.`
        : level <= 6
          ? `${level === 5 ? 'Medium' : 'High'}-fidelity prototype of ${sol.name} (${year}), with its interfaces to the systems users already have.`
          : `Production version of ${sol.name}, release of ${year}, with its configuration record.`,
    environment:
      level <= 4
        ? `Bench tests in our laboratory, ${year}: test plan and log.`
        : level <= 6
          ? `Tests in realistic conditions in ${year} at ${level === 5 ? 'a test range reproducing site conditions' : 'a pilot site of a prospective customer'}: test report.`
          : level === 7
            ? `Demonstration in operational conditions: ${site}.`
            : `In operation since ${year}: ${site}.`,
    operator: `Staff of the end-user took part and gave written feedback (${year}); statement available on request.`,
    results: `Report of ${year} comparing measured and predicted performance, with the changes decided.`,
    qualification:
      level >= 8
        ? `Qualification completed in ${year}: acceptance record and certificate.`
        : `Independent security or safety test of the ${year} version: summary of findings and fixes.`,
    documentation: `User, installation and maintenance documentation, edition ${year}.`,
    use: ref
      ? `Contract for ${ref[3].toLowerCase()} since ${ref[2]}; invoices available on request.`
      : `Paid use since ${year}.`,
  }
  return {
    evidenceText: texts[dimension],
    evidenceUrl: `https://evidence.securit-demo.example/${sol.key}/${criterion}`,
    evidenceFileId: null,
  }
}

/** The completed questionnaire of a demo solution: "yes" with evidence up to its level, "no" at the next. */
export function demoAnswers(sol: SeedSolution): (TrlAnswerInput & { level: number })[] {
  const q = questionnaireFor(sol.type)
  const out: (TrlAnswerInput & { level: number })[] = []
  for (const l of q.levels) {
    if (l.level <= sol.trl) {
      for (const c of l.criteria)
        out.push({ criterion: c.id, met: true, level: l.level, ...evidenceFor(sol, c.id, c.dimension, l.level) })
    } else if (l.level === sol.trl + 1) {
      // The first criterion they cannot claim yet; the others of that level are not asked.
      const c = l.criteria[l.criteria.length - 1]!
      out.push({ criterion: c.id, met: false, level: l.level, evidenceText: '', evidenceUrl: '', evidenceFileId: null })
    }
  }
  return out
}

async function seedOrganisations(tx: Tx, now: Date): Promise<string[]> {
  const rows = demoOrganisations.map((o) => {
    const sme = o.type === 'public_authority' || o.type === 'infrastructure_operator' ? null : smeOf(o)
    return {
      id: organisationIdOf(o.key),
      legal_name: o.legalName,
      short_name: o.shortName ?? null,
      country: o.country,
      type: o.type,
      website: `https://www.${slug(o.shortName ?? o.legalName)}.example`,
      description: `${o.description} ${SUPPLY_DEMO_NOTE}`,
      headcount: String(o.headcount),
      annual_turnover_cents: cents(o.turnoverK),
      balance_sheet_cents: cents(o.balanceK),
      financial_year: 2024,
      founded_year: o.founded,
      region: o.region,
      visibility: o.visibility,
      language: o.language,
      language_declared: true,
      sme_status: sme?.status ?? null,
      sme_explanation: sme ? JSON.stringify(sme.explanation) : null,
      sme_checked_at: sme ? now : null,
    }
  })
  await tx
    .insertInto('organisations')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        legal_name: eb.ref('excluded.legal_name'),
        short_name: eb.ref('excluded.short_name'),
        country: eb.ref('excluded.country'),
        type: eb.ref('excluded.type'),
        website: eb.ref('excluded.website'),
        description: eb.ref('excluded.description'),
        headcount: eb.ref('excluded.headcount'),
        annual_turnover_cents: eb.ref('excluded.annual_turnover_cents'),
        balance_sheet_cents: eb.ref('excluded.balance_sheet_cents'),
        financial_year: eb.ref('excluded.financial_year'),
        founded_year: eb.ref('excluded.founded_year'),
        region: eb.ref('excluded.region'),
        visibility: eb.ref('excluded.visibility'),
        language: eb.ref('excluded.language'),
        language_declared: eb.ref('excluded.language_declared'),
        sme_status: eb.ref('excluded.sme_status'),
        sme_explanation: eb.ref('excluded.sme_explanation'),
        sme_checked_at: eb.ref('excluded.sme_checked_at'),
      })),
    )
    .execute()

  // The demo SME account's organisation: its figures, unless someone has filled them in already.
  const demoSmeId = organisationIdOf('demo-sme')
  const demoSme = await tx
    .selectFrom('organisations')
    .select(['id', 'headcount'])
    .where('id', '=', demoSmeId)
    .executeTakeFirst()
  if (demoSme && demoSme.headcount === null) {
    const sme = smeOf(demoSmeProfile)
    await tx
      .updateTable('organisations')
      .set({
        headcount: String(demoSmeProfile.headcount),
        annual_turnover_cents: cents(demoSmeProfile.turnoverK),
        balance_sheet_cents: cents(demoSmeProfile.balanceK),
        financial_year: 2024,
        founded_year: demoSmeProfile.founded,
        region: demoSmeProfile.region,
        description: `${demoSmeProfile.description} ${SUPPLY_DEMO_NOTE}`,
        sme_status: sme.status,
        sme_explanation: JSON.stringify(sme.explanation),
        sme_checked_at: now,
      })
      .where('id', '=', demoSmeId)
      .execute()
  }

  const ids = rows.map((r) => r.id)
  await tx.deleteFrom('organisation_relations').where('organisation_id', 'in', ids).execute()
  const relations = demoOrganisations.flatMap((o) =>
    (o.relations ?? []).map((r, position) => ({
      organisation_id: organisationIdOf(o.key),
      relation: r.relation,
      name: r.name,
      country: r.country,
      share_percent: String(r.share),
      headcount: String(r.headcount),
      annual_turnover_cents: cents(r.turnoverK),
      balance_sheet_cents: cents(r.balanceK),
      position,
    })),
  )
  if (relations.length > 0) await tx.insertInto('organisation_relations').values(relations).execute()

  const tagged = [...demoOrganisations, ...(demoSme ? [{ key: 'demo-sme', expertise: demoSmeProfile.expertise }] : [])]
  const taggedIds = tagged.map((o) => organisationIdOf(o.key))
  await tx.deleteFrom('organisation_tags').where('organisation_id', 'in', taggedIds).execute()
  await tx
    .insertInto('organisation_tags')
    .values(
      tagged.flatMap((o) =>
        [...new Set(o.expertise)].map((t) => ({ organisation_id: organisationIdOf(o.key), term_id: tagId(t) })),
      ),
    )
    .execute()
  for (const id of taggedIds) await refreshOrganisationVector(tx, id)
  return taggedIds
}

/**
 * Seeds the demo supply side: about forty-five organisations in seventeen countries, and sixty-odd
 * solutions, each with its revision, links, tags and a completed TRL self-assessment (some reviewed by
 * the demo staff and expert). Batched: a handful of statements whatever the number of rows. Idempotent.
 * Needs the programme (domains, challenges, taxonomies) and, for the demo SME's own solutions and the
 * reviews, the demo accounts — without them those parts are skipped.
 */
export async function seedSupply(
  db: Database,
  programmeId: string,
): Promise<{ organisations: number; solutions: number }> {
  return inTransaction(db, async (tx) => {
    const now = ctx.clock.now()
    const organisationIds = await seedOrganisations(tx, now)
    const challengeRows = await tx
      .selectFrom('challenges')
      .select(['id', 'code'])
      .where('programme_id', '=', programmeId)
      .execute()
    const challengeIds = new Map(challengeRows.map((c) => [c.code, c.id]))
    const owners = new Set(
      (
        await tx
          .selectFrom('organisations')
          .select('id')
          .where(
            'id',
            'in',
            demoSolutions.map((x) => organisationIdOf(x.org)),
          )
          .execute()
      ).map((r) => r.id),
    )
    const solutions = demoSolutions.filter((x) => owners.has(organisationIdOf(x.org)))
    const ids = solutions.map((x) => solutionIdOf(x.key))

    // References: kept for solutions seeded before, from the sequence for new ones.
    const known = new Map(
      (await tx.selectFrom('solutions').select(['id', 'reference']).where('id', 'in', ids).execute()).map((r) => [
        r.id,
        r.reference,
      ]),
    )
    const missing = ids.filter((id) => !known.has(id))
    if (missing.length > 0) {
      const { rows } = await sql<{ n: string }>`select nextval('solution_reference_seq')::text as n
        from generate_series(1, ${missing.length})`.execute(tx)
      for (const [i, id] of missing.entries()) known.set(id, `SOL-${rows[i]!.n.padStart(5, '0')}`)
    }

    const reviewers = new Map(
      (
        await tx
          .selectFrom('users')
          .select(['id', 'email'])
          .where('email', 'in', [...new Set(solutions.flatMap((x) => (x.review ? [x.review.by] : [])))].concat(['-']))
          .execute()
      ).map((u) => [u.email, u.id]),
    )

    const links = solutions.map((x) => ({
      id: solutionIdOf(x.key),
      domainIds: x.domains.map((d) => seedId(`domain:${securit.slug}:${d}`)).sort(),
      challengeIds: x.challenges
        .map((c) => challengeIds.get(c))
        .filter((c): c is string => Boolean(c))
        .sort(),
      tagIds: [...new Set(x.tags.map(tagId))].sort(),
    }))
    const base = Date.parse('2025-01-06T09:00:00Z')
    const rows = solutions.map((x, i) => {
      const created = new Date(base + i * 3 * 86_400_000)
      const review = x.review && reviewers.has(x.review.by) ? x.review : undefined
      const effective = review ? (review.decision === 'adjusted' ? review.level! : x.trl) : x.trl
      return {
        id: solutionIdOf(x.key),
        organisation_id: organisationIdOf(x.org),
        reference: known.get(solutionIdOf(x.key))!,
        status: 'published',
        visibility: x.visibility ?? 'public',
        type: x.type,
        name: x.name,
        pitch: x.pitch,
        content: JSON.stringify({
          description: x.description,
          problem: x.problem,
          targetUsers: x.users,
          references: (x.references ?? []).map(([clientType, country, year, description]) => ({
            clientType,
            country,
            year,
            description,
          })),
        }),
        language: x.language,
        language_declared: true,
        ip_status: x.ip,
        assessed_trl: storedTrl(effective),
        target_trl: x.targetTrl,
        revision: 1,
        demo: true,
        created_at: created,
        updated_at: created,
      }
    })
    if (rows.length === 0) return { organisations: organisationIds.length, solutions: 0 }
    await tx
      .insertInto('solutions')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          visibility: eb.ref('excluded.visibility'),
          type: eb.ref('excluded.type'),
          name: eb.ref('excluded.name'),
          pitch: eb.ref('excluded.pitch'),
          content: eb.ref('excluded.content'),
          language: eb.ref('excluded.language'),
          language_declared: eb.ref('excluded.language_declared'),
          ip_status: eb.ref('excluded.ip_status'),
          assessed_trl: eb.ref('excluded.assessed_trl'),
          target_trl: eb.ref('excluded.target_trl'),
        })),
      )
      .execute()

    await tx.deleteFrom('solution_domains').where('solution_id', 'in', ids).execute()
    await tx.deleteFrom('solution_challenges').where('solution_id', 'in', ids).execute()
    await tx.deleteFrom('solution_tags').where('solution_id', 'in', ids).execute()
    await tx
      .insertInto('solution_domains')
      .values(links.flatMap((l) => l.domainIds.map((domain_id) => ({ solution_id: l.id, domain_id }))))
      .execute()
    const sc = links.flatMap((l) => l.challengeIds.map((challenge_id) => ({ solution_id: l.id, challenge_id })))
    if (sc.length > 0) await tx.insertInto('solution_challenges').values(sc).execute()
    await tx
      .insertInto('solution_tags')
      .values(links.flatMap((l) => l.tagIds.map((term_id) => ({ solution_id: l.id, term_id }))))
      .execute()
    await refreshSearchVectors(tx, ids)

    // Revision 1: the snapshot of what was seeded.
    await tx
      .insertInto('solution_revisions')
      .values(
        rows.map((r, i) => {
          const snapshot: SolutionSnapshot = {
            status: 'published',
            visibility: r.visibility as SolutionSnapshot['visibility'],
            type: r.type,
            name: r.name,
            pitch: r.pitch,
            content: JSON.parse(r.content),
            language: r.language,
            languageDeclared: true,
            ipStatus: r.ip_status,
            targetTrl: r.target_trl,
            domainIds: links[i]!.domainIds,
            challengeIds: links[i]!.challengeIds,
            tagIds: links[i]!.tagIds,
          }
          return {
            solution_id: r.id,
            revision: 1,
            snapshot: JSON.stringify(snapshot),
            author_id: null,
            created_at: r.created_at,
          }
        }),
      )
      .onConflict((oc) => oc.columns(['solution_id', 'revision']).doNothing())
      .execute()

    // One completed self-assessment each, consistent with its level; a few reviewed.
    const assessments = solutions.map((x, i) => {
      const answers = demoAnswers(x)
      const q = questionnaireFor(x.type)
      const result = evaluate(q, answers)
      if (result.resultLevel !== x.trl || !result.finished || result.missingEvidence.length > 0) {
        throw new Error(`Demo assessment of ${x.key} does not reach ${x.trl}`)
      }
      const completed = new Date(rows[i]!.created_at.getTime() + 2 * 86_400_000)
      return {
        id: seedId(`trl-assessment:supply:${x.key}`),
        solution_id: solutionIdOf(x.key),
        questionnaire: q.type,
        questionnaire_version: q.version,
        status: 'completed',
        answers: JSON.stringify(answers),
        result_level: result.resultLevel,
        confidence: x.confidence,
        created_by: null,
        created_at: rows[i]!.created_at,
        updated_at: completed,
        completed_at: completed,
      }
    })
    await tx
      .insertInto('trl_assessments')
      .values(assessments)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          answers: eb.ref('excluded.answers'),
          result_level: eb.ref('excluded.result_level'),
          confidence: eb.ref('excluded.confidence'),
        })),
      )
      .execute()
    const reviews = solutions.flatMap((x, i) =>
      x.review && reviewers.has(x.review.by)
        ? [
            {
              id: seedId(`trl-review:supply:${x.key}`),
              assessment_id: assessments[i]!.id,
              decision: x.review.decision,
              level: x.review.decision === 'adjusted' ? x.review.level! : x.trl,
              reason: x.review.reason,
              reviewer_id: reviewers.get(x.review.by)!,
              created_at: new Date(assessments[i]!.completed_at.getTime() + 5 * 86_400_000),
            },
          ]
        : [],
    )
    if (reviews.length > 0) {
      await tx
        .insertInto('trl_reviews')
        .values(reviews)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    }

    await recordAudit(tx, ctx, {
      action: known.size === missing.length ? 'supply.seeded' : 'supply.reseeded',
      subjectType: 'programme',
      subjectId: programmeId,
      change: { organisations: organisationIds.length, solutions: rows.length, reviews: reviews.length },
    })
    return { organisations: organisationIds.length, solutions: rows.length }
  })
}
