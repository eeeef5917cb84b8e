import {
  useCaseComment,
  useCaseCommentInput,
  useCaseComments,
  useCaseParams,
} from '../../../../shared/contracts/use-cases.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { addComment } from '../commands/add-comment.ts'
import { listComments } from '../queries/list-comments.ts'

const tags = ['use cases']

export const commentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/use-cases/:useCaseId/comments',
    capability: 'use_case.view',
    summary: 'The thread between the authors and programme staff, oldest first',
    tags,
    params: useCaseParams,
    response: useCaseComments,
    handler: async ({ params }, ctx) => listComments(ctx, params.useCaseId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/use-cases/:useCaseId/comments',
    capability: 'use_case.comment',
    summary: 'Add a message to the thread',
    tags,
    params: useCaseParams,
    body: useCaseCommentInput,
    response: useCaseComment,
    status: 201,
    handler: async ({ params, body }, ctx) => addComment(ctx, params.useCaseId, body.body),
  }),
]
