/**
 * What the demo experts write: a comment per criterion that matches the score given (weak, fair, good,
 * excellent), names the application and what it will deliver, and is longer than the call's minimum
 * (100 characters). Phrasings are picked by a stable hash, so each expert's wording differs and stays
 * the same on every seed. Invented text, in the register of EU evaluation summaries.
 */
import type { SeedApplication } from '../calls-data/types.ts'
import { pick } from '../evaluation-support.ts'

export type CriterionId = 'excellence' | 'impact' | 'implementation'
export const criterionIds: CriterionId[] = ['excellence', 'impact', 'implementation']

type Band = 'weak' | 'fair' | 'good' | 'excellent'
const band = (score: number): Band => (score < 3 ? 'weak' : score < 4 ? 'fair' : score < 4.5 ? 'good' : 'excellent')

type Facts = Pick<SeedApplication, 'acronym' | 'output' | 'validator' | 'trl' | 'months'>
type Phrase = (a: Facts) => string

const thing = (a: Facts) => (a.output === 'demonstrator' ? 'demonstrator' : 'prototype')
/** Who validates the result: the end-user named in the application, or end-users in general. */
const validation = (a: Facts) => (a.validator ? `validation by ${a.validator}` : 'validation with end-users')
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const bank: Record<CriterionId, Record<Band, Phrase[]>> = {
  excellence: {
    excellent: [
      (a) =>
        `${a.acronym} sets out clear, measurable objectives and a concept that goes well beyond the state of the art; the step from TRL ${a.trl[0]} to TRL ${a.trl[1]} is credible and well argued.`,
      (a) =>
        `The concept of ${a.acronym} is original and convincingly positioned against existing solutions, with a precise account of what the ${thing(a)} will add for operators.`,
      (a) =>
        `Outstanding clarity of objectives. ${a.acronym} combines proven components in a way no current product does, and the technical risks are identified with credible fallbacks.`,
    ],
    good: [
      (a) =>
        `The objectives of ${a.acronym} are clear and the concept is sound. The innovation is real, although the comparison with existing products could be more systematic.`,
      (a) =>
        `A well-structured concept with a convincing path from TRL ${a.trl[0]} to ${a.trl[1]}. Some claims of novelty rest on assertions rather than on a benchmark with the state of the art.`,
      (a) =>
        `${a.acronym} addresses the challenge directly and the methodology is appropriate; the innovation is incremental in parts but clearly useful for the intended ${thing(a)}.`,
    ],
    fair: [
      (a) =>
        `The objectives of ${a.acronym} are relevant to the challenge but only partly measurable, and the state of the art is described in general terms without naming competing solutions.`,
      (a) =>
        `The concept is plausible, yet the application does not explain well what is new compared with tools already on the market; the TRL ${a.trl[0]} starting point is asserted rather than evidenced.`,
      () =>
        `Relevant idea with a reasonable methodology, but the innovation beyond existing products is modest and several technical choices are not justified.`,
    ],
    weak: [
      (a) =>
        `${a.acronym} does not demonstrate what it adds to solutions already available: the state of the art is missing and the objectives are formulated as activities rather than results.`,
      () =>
        `The concept lacks precision. Key technical assumptions are not substantiated and the claimed innovation is not shown against existing products, which is a significant shortcoming.`,
    ],
  },
  impact: {
    excellent: [
      (a) =>
        `Strong and well-evidenced benefits for end-users; ${validation(a)} is built into the work plan. The exploitation plan is concrete, with named first customers and a realistic pricing model.`,
      (a) =>
        `${a.acronym} will make a tangible difference for the practitioners concerned; the market analysis is specific and the consortium has the channels to reach buyers across Europe.`,
    ],
    good: [
      (a) =>
        `Clear benefits for the end-users and a credible route to market. ${capital(validation(a))} strengthens the case; the dissemination plan is adequate but generic in places.`,
      () =>
        `The expected impact is convincing for the intended users and the exploitation plan is realistic, although the market size and the sales targets after the project are only roughly estimated.`,
      (a) =>
        `Good potential impact: the ${thing(a)} answers a need practitioners express today, and the consortium describes how it will be sold and supported after the project.`,
    ],
    fair: [
      (a) =>
        `The potential benefits are described, but the application gives few figures on users, market or adoption, and ${validation(a)} is mentioned without a concrete plan.`,
      () =>
        `Impact is plausible yet insufficiently substantiated: the exploitation plan lists intentions rather than steps, and dissemination relies mostly on generic channels such as conferences.`,
    ],
    weak: [
      (a) =>
        `The application does not show who will use the result or how it will reach the market; end-user involvement is limited to an intention and no exploitation steps are planned for ${a.acronym}.`,
      () =>
        `Impact is weakly argued: no evidence of demand from practitioners, no business model and no concrete validation activity, so the benefits beyond the consortium remain uncertain.`,
    ],
  },
  implementation: {
    excellent: [
      (a) =>
        `An exemplary work plan for ${a.months} months: tasks, milestones and deliverables are precise, the effort is well balanced between partners and the risk register is specific with credible mitigations.`,
      () =>
        `The consortium has exactly the complementary skills needed and a convincing track record; resources are justified line by line and the management structure is light and appropriate.`,
    ],
    good: [
      (a) =>
        `The work plan is coherent and the ${months(a)} schedule realistic. Roles are clear and complementary; the risk analysis covers the main risks, though mitigation of some is generic.`,
      () =>
        `A capable consortium with a sensible division of work and resources matching the tasks. Milestones are well placed; the plan for the validation phase could be more detailed.`,
    ],
    fair: [
      (a) =>
        `The work plan is broadly adequate but some tasks lack clear deliverables, and the resources requested for the ${thing(a)} phase appear high compared with the effort described.`,
      (a) =>
        `The consortium can deliver, but dependencies between tasks are not analysed and the risk table lists generic risks only; the ${months(a)} schedule leaves little margin for the validation.`,
    ],
    weak: [
      (a) =>
        `The implementation is insufficiently planned: deliverables and milestones are vague, the distribution of effort is not justified and key risks for ${a.acronym} are not identified.`,
      () =>
        `Serious weaknesses in the work plan: the schedule is not realistic for the scope, one partner's role is unclear and the budget is not linked to the tasks described.`,
    ],
  },
}

function months(a: Facts): string {
  return `${a.months}-month`
}

/** An expert's comment on one criterion, matching the score; `key` makes the phrasing differ between experts. */
export function criterionComment(criterion: CriterionId, score: number, a: Facts, key: string): string {
  return pick(bank[criterion][band(score)], `${key}:${criterion}`)(a)
}

const overall: Record<Band, Phrase[]> = {
  excellent: [
    (a) =>
      `${a.acronym} is an excellent application, clearly fundable, with a convincing team and a credible path to market.`,
    (a) => `A very strong proposal: I recommend ${a.acronym} for funding without reservation.`,
  ],
  good: [
    (a) =>
      `${a.acronym} is a good application with minor weaknesses that can be addressed at the start of the project.`,
    (a) => `Solid proposal overall; the remarks above are improvements rather than obstacles to funding ${a.acronym}.`,
  ],
  fair: [
    (a) =>
      `${a.acronym} has merit but several weaknesses; it is fundable only if the budget allows after stronger proposals.`,
    () => `An acceptable proposal whose innovation and exploitation need to be sharpened.`,
  ],
  weak: [
    (a) => `${a.acronym} does not reach the quality expected in this call; the weaknesses above are substantial.`,
    () => `Not recommended for funding in its current form: the concept and the plan need substantial work.`,
  ],
}

const names: Record<CriterionId, string> = {
  excellence: 'excellence',
  impact: 'impact',
  implementation: 'the quality of the implementation',
}

/** The expert's overall comment, from their three scores (in the order of `criterionIds`): a verdict, then the strongest and weakest points. */
export function overallComment(scores: number[], a: Facts, key: string): string {
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length
  const b: Band = Math.min(...scores) < 3 ? 'weak' : band(mean)
  const best = criterionIds[scores.indexOf(Math.max(...scores))]!
  const worst = criterionIds[scores.indexOf(Math.min(...scores))]!
  const detail =
    best === worst
      ? 'The three criteria are of even quality.'
      : `Its strongest point is ${names[best]}; ${names[worst]} is where the consortium should concentrate its effort.`
  return `${pick(overall[b], `${key}:overall`)(a)} ${detail}`
}

/** The consensus comment on one criterion: what the panel agreed, in the third person. */
export function consensusComment(criterion: CriterionId, score: number, a: Facts): string {
  const text = pick(bank[criterion][band(score)], `consensus:${a.acronym}:${criterion}`)(a)
  return `The experts agree: ${/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text}`
}

/** The consensus overall comment. */
export function consensusOverall(scores: number[], a: Facts): string {
  const total = scores.reduce((s, x) => s + x, 0)
  const below = scores.some((x) => x < 3) || total < 10
  return below
    ? `${a.acronym} (total ${total} of 15) does not reach the call's thresholds and cannot be funded. The comments above explain the main weaknesses identified by the panel.`
    : `${a.acronym} reaches a total of ${total} of 15 and passes every threshold of the call. The comments above summarise its strengths and the points to address at the start of the project.`
}
