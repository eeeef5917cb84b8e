/** Supply seed, step 3: a completed TRL self-assessment for each demo solution, and the demo reviews. */
import type { TrlAnswerInput, TrlDimension } from '../../shared/contracts/trl.ts'
import { evaluate, questionnaireFor } from '../modules/solutions/index.ts'
import type { Tx } from '../platform/db/client.ts'
import { seedId } from './ids.ts'
import type { SeedSolution } from './supply-data/index.ts'
import { solutionIdOf } from './supply-support.ts'

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

/** Upserts one completed self-assessment per solution (rows in the same order) and the reviews; returns the number of reviews. */
export async function seedAssessments(
  tx: Tx,
  solutions: SeedSolution[],
  rows: { created_at: Date }[],
  reviewers: Map<string, string>,
): Promise<number> {
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
  return reviews.length
}
