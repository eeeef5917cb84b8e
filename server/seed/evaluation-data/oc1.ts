/**
 * How open call 1 was evaluated in the demonstration (invented, like its applications): the dates of
 * each step, the consensus reached on each admissible application, where the experts disagreed and how
 * the discussion went, the funded consortia's answers and one request for redress. The individual
 * scores are derived from the consensus (evaluation-scores.ts): around it for most applications, far
 * apart where `divergent` says so, so that the consensus step flags exactly those.
 *
 * Scores are [excellence, impact, implementation] on the call's scale (0–5 by half points, threshold 3
 * on each and 10 in total). Several totals are equal on purpose: the ranking breaks those ties by the
 * call's rules (a challenge not yet covered, then the criteria in order, then SMEs, then countries).
 *
 * Dates are local (Brussels). [GAP] SecurIT's evaluation calendar is not published beyond "about two
 * months" (calls-data/calls.ts): the remaining applications were declared admissible on 11 May 2022,
 * the individual evaluation ran from 12 May to 2 June, the consensus until 15 June, the panel met on 16
 * and 17 June (the call's evaluation end), and the results went out on 30 June (the call's results date).
 */

export type Triple = [number, number, number]

export interface Oc1Consensus {
  key: string
  scores: Triple
  /** Individual scores of the three experts (by assignment order) where they diverged, per criterion index. */
  divergent?: { criterion: 0 | 1 | 2; scores: Triple }
  /** The moderator's justification where the consensus departs from the mean of the individual scores. */
  justification?: string
  minorityView?: string
  /** The discussion among the experts (by their position on the panel: 0, 1, 2) and the moderator. */
  thread?: { by: 0 | 1 | 2 | 'moderator'; body: string }[]
}

export const oc1Moments = {
  profilesAt: '2022-04-20T09:00',
  invitedAt: '2022-04-27T10:00',
  approvedAt: '2022-05-03T09:30',
  admissibilityAt: '2022-05-11T09:00',
  settingsAt: '2022-05-11T11:00',
  phasesAt: '2022-05-11T11:30',
  assignmentAt: '2022-05-11T14:00',
  confirmFrom: '2022-05-12T08:30',
  individual: { startsAt: '2022-05-12T09:00', endsAt: '2022-06-02T17:00' },
  evaluationsFrom: '2022-05-16T09:00',
  consensus: { startsAt: '2022-06-03T09:00', endsAt: '2022-06-15T17:00' },
  threadFrom: '2022-06-03T10:00',
  consensusFrom: '2022-06-08T10:00',
  panel: { startsAt: '2022-06-16T09:00', endsAt: '2022-06-17T17:00' },
  scenarioAt: '2022-06-17T11:00',
  whatIfAt: '2022-06-17T11:40',
  adoptedAt: '2022-06-17T15:30',
  decidedAt: '2022-06-20T10:00',
  notifiedAt: '2022-06-30T10:00',
  respondedFrom: '2022-07-01T09:00',
  redressFiledAt: '2022-07-04T16:20',
  redressHandledAt: '2022-07-19T11:00',
}

/** The remaining OC1 applications, declared admissible before the evaluation (see applications-review.ts for the first eight). */
export const oc1LateAdmissible = [
  'oc1-triagelive',
  'oc1-quakealert',
  'oc1-nightfire',
  'oc1-skyfence',
  'oc1-citizenlink',
  'oc1-signalsift',
  'oc1-thermifence',
  'oc1-aforo',
  'oc1-signchain',
]

export const oc1Consensus: Oc1Consensus[] = [
  { key: 'oc1-gridsentry', scores: [4.5, 4.5, 4] },
  { key: 'oc1-floodcast', scores: [4.5, 4, 4.5] },
  { key: 'oc1-meshguard', scores: [4, 4.5, 4] },
  { key: 'oc1-festisim', scores: [4, 4, 4] },
  {
    key: 'oc1-hospiguard',
    scores: [4, 4, 4],
    divergent: { criterion: 1, scores: [4.5, 4.5, 2] },
    justification:
      'Impact set at 4 rather than the mean of 3.7: the third expert’s low score rested on the absence of a hospital among the partners, but the application names two regional hospitals that committed to the pilot in letters of support; the panel agreed that end-user validation is secured.',
    thread: [
      {
        by: 2,
        body: 'I scored Impact low because no hospital is a partner of the consortium: without one I do not see who will validate the ransomware drills in a real clinical setting.',
      },
      {
        by: 0,
        body: 'Section 4 of the application lists two regional hospitals with letters of support; they host the drills in month 9. Validation is there, even if the hospitals are not funded partners.',
      },
      {
        by: 2,
        body: 'Agreed, I had missed the letters in the annex. I can align on 4 for Impact; the exploitation plan beyond the pilot hospitals remains thin.',
      },
      {
        by: 'moderator',
        body: 'Thank you. I will record 4 for Impact with the letters of support as justification, and keep the remark on exploitation in the consensus comment.',
      },
    ],
  },
  { key: 'oc1-sylvasense', scores: [4, 4, 3.5] },
  {
    key: 'oc1-aquashield',
    scores: [3.5, 4, 4],
    divergent: { criterion: 0, scores: [5, 3, 2.5] },
    thread: [
      {
        by: 0,
        body: 'For me the combination of process-physics models with network intrusion detection in a water utility is beyond the state of the art; hence 5 for Excellence.',
      },
      {
        by: 1,
        body: 'Several commercial OT monitoring products already correlate process values with network events. The novelty is the water-quality digital twin, which is only sketched in the work plan.',
      },
      {
        by: 2,
        body: 'I agree with the second view: the concept is sound but the innovation claim is not demonstrated against existing products. 3.5 would be fair as a compromise.',
      },
      { by: 0, body: 'I can accept 3.5 if the comment asks for a comparison with the existing products at kick-off.' },
      {
        by: 'moderator',
        body: 'Recorded: 3.5 for Excellence, with the request for a state-of-the-art comparison in the comment.',
      },
    ],
  },
  { key: 'oc1-portwatch', scores: [4, 3.5, 3.5] },
  { key: 'oc1-triagelive', scores: [3.5, 4, 3.5] },
  { key: 'oc1-skyfence', scores: [3.5, 3.5, 3.5] },
  { key: 'oc1-nightfire', scores: [3.5, 3.5, 3.5] },
  { key: 'oc1-quakealert', scores: [3.5, 3, 3.5] },
  { key: 'oc1-signchain', scores: [3, 3.5, 3.5] },
  {
    key: 'oc1-thermifence',
    scores: [2.5, 4, 4],
    divergent: { criterion: 0, scores: [4, 2, 2] },
    justification:
      'Excellence set at 2.5 rather than the mean of 2.7: after the discussion two experts maintained that thermal and visible-light fusion on a robot is already offered commercially, and the application does not show what it adds.',
    minorityView:
      'One expert considers the on-board fusion of thermal and visible images for intruder classification at night a genuine advance for unmanned patrols and would have scored Excellence 4.',
    thread: [
      {
        by: 0,
        body: 'The on-board fusion of thermal and visible images on the patrol robot is, to my knowledge, not available in any product at this price point. I gave 4.',
      },
      {
        by: 1,
        body: 'At least two vendors sell patrol robots with dual-sensor fusion. The application does not compare itself with them, which for me caps Excellence below the threshold.',
      },
      {
        by: 2,
        body: 'Same reading as the second expert: the benchmark against existing robots is missing, so the innovation is asserted rather than shown.',
      },
      {
        by: 0,
        body: 'I maintain my view and would like it recorded as a minority opinion; I accept that the consensus follows the majority.',
      },
      {
        by: 'moderator',
        body: 'Noted. Consensus 2.5 for Excellence with the majority’s reasoning; your view goes into the minority view.',
      },
    ],
  },
  { key: 'oc1-citizenlink', scores: [3.5, 2.5, 4] },
  { key: 'oc1-aforo', scores: [3, 3, 2.5] },
  { key: 'oc1-signalsift', scores: [3, 3.5, 3] },
]

/** The adopted selection: the whole call budget, at least one funded project per domain. */
export const oc1Scenario = {
  name: 'OC1 — call budget, one project per domain at least',
  quotas: [
    { scope: 'domain' as const, key: 'D1', min: 1, max: null },
    { scope: 'domain' as const, key: 'D2', min: 1, max: null },
    { scope: 'domain' as const, key: 'D3', min: 1, max: null },
  ],
}

/** A what-if the operators compared before adopting the first: had the call's budget been cut to EUR 700,000. */
export const oc1WhatIf = { name: 'What if: budget cut to EUR 700,000', budgetCents: 70_000_000 }

/** A consortium that asked for redress after the results, and how the operators handled it. */
export const oc1Redress = {
  application: 'oc1-citizenlink',
  grounds:
    'The summary says that the application shows no validation with end-users and scores Impact 2.5. Section 4 describes the pilot with the control room of a Belgian municipality during its summer festival, with the municipality’s letter of intent attached. We ask that the Impact score be reviewed in the light of that letter.',
  status: 'dismissed' as const,
  outcome:
    'The panel re-read section 4 and the annexed letter. The letter of intent expresses interest in a demonstration but commits no control-room staff, data or time, and the work plan schedules no validation activity with the municipality; this is what the Impact comment refers to. The evaluation followed the call’s criteria and procedure; the score stands.',
}
