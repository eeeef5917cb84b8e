import {
  answersSave,
  application,
  applicationListQuery,
  applicationPage,
  applicationParams,
  applicationStart,
  withdrawInput,
} from '../../../../shared/contracts/applications.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { saveAnswers } from '../commands/save-answers.ts'
import { startApplication } from '../commands/start-application.ts'
import { withdrawApplication } from '../commands/withdraw-application.ts'
import { getApplication } from '../queries/get-application.ts'
import { listMyApplications } from '../queries/list-applications.ts'

const tags = ['applications']

// No route `subject`: an application the caller may not see is a 404 for everyone; the commands check
// the consortium (lead, own part) on the application itself.
export const applicationCrudRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications',
    capability: 'application.view',
    summary: 'My applications: those of the consortia I am in (lead or accepted partner)',
    tags,
    query: applicationListQuery,
    response: applicationPage,
    handler: async ({ query }, ctx) => listMyApplications(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications',
    capability: 'application.manage',
    summary: 'Start an application to an open call, as lead for one of your organisations',
    tags,
    body: applicationStart,
    response: application,
    status: 201,
    handler: async ({ body }, ctx) => startApplication(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId',
    capability: 'application.view',
    summary: 'One application: answers, consortium with facts, readiness, revisions, receipt, abilities',
    tags,
    params: applicationParams,
    response: application,
    handler: async ({ params }, ctx) => getApplication(ctx, params.applicationId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/applications/:applicationId/answers',
    capability: 'application.manage',
    summary:
      'Save shared answers (lead). Field-level merge on baseVersion: 409 application_edit_conflict with `conflicts`, nothing written',
    tags,
    params: applicationParams,
    body: answersSave,
    response: application,
    handler: async ({ params, body }, ctx) => saveAnswers(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/withdraw',
    capability: 'application.submit',
    summary: 'Withdraw the application (lead, until the deadline); it no longer counts and becomes read-only',
    tags,
    params: applicationParams,
    body: withdrawInput,
    response: application,
    handler: async ({ params, body }, ctx) => withdrawApplication(ctx, params.applicationId, body),
  }),
]
