import {
  useCase,
  useCaseInput,
  useCaseListQuery,
  useCasePage,
  useCaseParams,
  useCasePatch,
  useCaseRevision,
  useCaseRevisionParams,
  useCaseTransitionInput,
} from '../../../../shared/contracts/use-cases.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { createUseCase } from '../commands/create-use-case.ts'
import { transitionUseCase } from '../commands/transition-use-case.ts'
import { updateUseCase } from '../commands/update-use-case.ts'
import { getRevision } from '../queries/get-revision.ts'
import { getUseCase } from '../queries/get-use-case.ts'
import { listUseCases } from '../queries/list-use-cases.ts'

const tags = ['use cases']

// No route `subject` here on purpose: the gate would answer 404 for a missing id but 403 for an
// existing one to a caller without the capability, telling them it exists. Visibility is checked
// by the use case itself, and a hidden use case is a 404 for everyone.
export const useCaseCrudRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/use-cases',
    capability: 'use_case.view',
    summary: 'Use cases you may see, searched, filtered and paged',
    tags,
    query: useCaseListQuery,
    response: useCasePage,
    handler: async ({ query }, ctx) => listUseCases(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/use-cases',
    capability: 'use_case.create',
    summary: 'Draft a use case for your organisation',
    tags,
    body: useCaseInput,
    response: useCase,
    status: 201,
    handler: async ({ body }, ctx) => createUseCase(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/use-cases/:useCaseId',
    capability: 'use_case.view',
    summary: 'One use case, with its revisions, history, comments (for its parties) and your abilities',
    tags,
    params: useCaseParams,
    response: useCase,
    handler: async ({ params }, ctx) => getUseCase(ctx, params.useCaseId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/use-cases/:useCaseId',
    capability: 'use_case.update',
    summary: 'Save the fields sent as a new revision (expectedRevision guards against lost updates)',
    tags,
    params: useCaseParams,
    body: useCasePatch,
    response: useCase,
    handler: async ({ params, body }, ctx) => updateUseCase(ctx, params.useCaseId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/use-cases/:useCaseId/transitions',
    capability: 'use_case.update',
    summary: 'Submit, resubmit, request changes, accept or archive',
    tags,
    params: useCaseParams,
    body: useCaseTransitionInput,
    response: useCase,
    handler: async ({ params, body }, ctx) => transitionUseCase(ctx, params.useCaseId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/use-cases/:useCaseId/revisions/:revision',
    capability: 'use_case.view',
    summary: 'One saved revision (authors and staff)',
    tags,
    params: useCaseRevisionParams,
    response: useCaseRevision,
    handler: async ({ params }, ctx) => getRevision(ctx, params.useCaseId, params.revision),
  }),
]
