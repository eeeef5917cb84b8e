import {
  callAnswerInput,
  callParams,
  callQuestion,
  callQuestionInput,
  callQuestionList,
  callQuestionParams,
} from '../../../../shared/contracts/calls.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { answerQuestion } from '../commands/answer-question.ts'
import { askQuestion } from '../commands/ask-question.ts'
import { listQuestions } from '../queries/list-questions.ts'
import { tags } from './call-routes.ts'

export const questionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/questions',
    capability: 'call.view',
    summary: 'Questions and answers: the published ones, your own pending ones; every question for operators',
    tags,
    params: callParams,
    response: callQuestionList,
    handler: async ({ params }, ctx) => listQuestions(ctx, params.callId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/questions',
    capability: 'call.ask',
    summary: 'Ask a question about a published call (until its Q&A cut-off: then 409 qa_closed)',
    tags,
    params: callParams,
    body: callQuestionInput,
    response: callQuestion,
    status: 201,
    handler: async ({ params, body }, ctx) => askQuestion(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/questions/:questionId/answer',
    capability: 'call.manage',
    summary: 'Publish a question with its answer, or dismiss it (the person who asked is told by e-mail)',
    tags,
    params: callQuestionParams,
    body: callAnswerInput,
    response: callQuestion,
    handler: async ({ params, body }, ctx) => answerQuestion(ctx, params.callId, params.questionId, body),
  }),
]
