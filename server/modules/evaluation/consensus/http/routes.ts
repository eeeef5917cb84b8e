import {
  consensusAppParams,
  consensusCallParams,
  consensusDetail,
  consensusList,
  consensusListQuery,
  consensusRecord,
  consensusRecordInput,
  consensusVersionInput,
  expertConsensusView,
  thread,
  threadMessage,
  threadParams,
  threadPost,
} from '../../../../../shared/contracts/evaluation-consensus.ts'
import { type AnyRoute, defineRoute } from '../../../../platform/http/route.ts'
import { finaliseConsensus, reopenConsensus, saveConsensus } from '../commands/record.ts'
import { postMessage, readThread } from '../commands/thread.ts'
import { consensusDetail as readDetail, expertConsensusView as readExpertView } from '../queries/detail.ts'
import { listConsensus } from '../queries/list.ts'

/**
 * Consensus (issue 7 §7). Decisions:
 *  - Moderators are the operators of the call's programme (`evaluation.moderate`); they see expert names.
 *    Experts reach an application only through an active assignment (else 404 `application_not_found`).
 *  - Statistics use submitted evaluations only. Flag: any criterion whose spread (max − min) is strictly
 *    over `evaluation_settings.spread_threshold` (default 1.5). A consensus score departs from the mean
 *    when |score − mean| > half a scale step: it needs a justification (400
 *    `consensus_justification_required`, `criterionIds` and per-field errors), on every save and on finalise.
 *  - Recording (save, finalise, reopen) is open once the individual phase has closed and until the
 *    consensus phase closes (else 409 `evaluation_phase_closed`). Saves are optimistic on `version`
 *    (409 `consensus_stale`); a final record is 409 `consensus_final` until reopened. Finalising needs a
 *    score and comment per criterion (400 `consensus_incomplete`) and a submitted evaluation from every
 *    active assignment (409 `consensus_evaluations_missing`). Drafts may hold `score: null`; a final
 *    record has a number for every criterion of the call.
 *  - Experts see the others' submitted evaluations of that application, and read the thread, once the
 *    individual phase has closed and the consensus phase has started; they post while it is open.
 *    Moderators read and post at any time. To experts, authors are "Expert n" (stable per application:
 *    order of each expert's first assignment, by creation time then id) or "Moderator"; to moderators,
 *    names.
 *  - Every write (save, finalise, reopen, message) is audited in its transaction.
 */
const tags = ['evaluation']
const base = '/api/v1/calls/:callId/evaluation/consensus'

export const consensusRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    capability: 'evaluation.moderate',
    summary:
      'Moderators: the call’s admissible applications with evaluations submitted/expected, divergence flag and consensus status',
    tags,
    params: consensusCallParams,
    query: consensusListQuery,
    response: consensusList,
    handler: async ({ params, query }, ctx) => listConsensus(ctx, params.callId, query),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:applicationId`,
    capability: 'evaluation.moderate',
    summary:
      'Moderators: the individual evaluations side by side (with names), statistics, flags and the consensus record',
    tags,
    params: consensusAppParams,
    response: consensusDetail,
    handler: async ({ params }, ctx) => readDetail(ctx, params.callId, params.applicationId),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/:applicationId/record`,
    capability: 'evaluation.moderate',
    summary:
      'Save the consensus as a draft: scores on the call’s scale, comments, justifications where a score departs from the mean, minority view',
    tags,
    params: consensusAppParams,
    body: consensusRecordInput,
    response: consensusRecord,
    handler: async ({ params, body }, ctx) => saveConsensus(ctx, params.callId, params.applicationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:applicationId/finalise`,
    capability: 'evaluation.moderate',
    summary: 'Make the consensus final (complete, justified, every assigned expert submitted)',
    tags,
    params: consensusAppParams,
    body: consensusVersionInput,
    response: consensusRecord,
    handler: async ({ params, body }, ctx) => finaliseConsensus(ctx, params.callId, params.applicationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:applicationId/reopen`,
    capability: 'evaluation.moderate',
    summary: 'Reopen a final consensus (back to draft)',
    tags,
    params: consensusAppParams,
    body: consensusVersionInput,
    response: consensusRecord,
    handler: async ({ params, body }, ctx) => reopenConsensus(ctx, params.callId, params.applicationId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/evaluation/consensus/:applicationId',
    capability: 'evaluation.expert',
    summary:
      'An assigned expert, from the consensus phase on: the submitted evaluations of the application as “Expert n”',
    tags,
    params: threadParams,
    response: expertConsensusView,
    handler: async ({ params }, ctx) => readExpertView(ctx, params.applicationId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/evaluation/consensus/:applicationId/messages',
    capability: 'evaluation.expert',
    summary:
      'The consensus thread: moderators (with names) and the assigned experts (as “Expert n”, from the consensus phase on)',
    tags,
    params: threadParams,
    response: thread,
    handler: async ({ params }, ctx) => readThread(ctx, params.applicationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/evaluation/consensus/:applicationId/messages',
    capability: 'evaluation.expert',
    summary: 'Post to the consensus thread (experts while the consensus phase is open)',
    tags,
    params: threadParams,
    body: threadPost,
    response: threadMessage,
    status: 201,
    handler: async ({ params, body }, ctx) => postMessage(ctx, params.applicationId, body.body),
  }),
]
