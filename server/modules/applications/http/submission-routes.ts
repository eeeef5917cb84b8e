import { z } from 'zod'
import {
  applicationParams,
  revisionContent,
  revisionParams,
  submitInput,
  submitResult,
} from '../../../../shared/contracts/applications.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { submitApplication } from '../commands/submit-application.ts'
import { downloadReceipt, getRevision } from '../queries/get-revision.ts'

const tags = ['applications']

export const submissionRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/submit',
    capability: 'application.submit',
    summary:
      'Submit (lead), with an Idempotency-Key header (8–200 characters): 201 with the signed receipt; a retry with the same key and body answers 200 with the same receipt (replayed)',
    tags,
    params: applicationParams,
    body: submitInput,
    response: submitResult,
    status: 201,
    statusOf: (out) => (out.replayed ? 200 : 201),
    handler: async ({ params, body }, ctx, req) => {
      const key = req.headers['idempotency-key']
      return submitApplication(ctx, params.applicationId, body, Array.isArray(key) ? key[0] : key)
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId/revisions/:revision',
    capability: 'application.view',
    summary: 'A submitted revision: its content as hashed, the digest and the receipt',
    tags,
    params: revisionParams,
    response: revisionContent,
    handler: async ({ params }, ctx) => getRevision(ctx, params.applicationId, params.revision),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId/revisions/:revision/receipt.json',
    capability: 'application.view',
    summary: 'The signed receipt of a revision, as a file (verify it with `npm run receipt:verify`)',
    tags,
    params: revisionParams,
    response: z.null(),
    download: { contentTypes: ['application/json'] },
    handler: async ({ params }, ctx, _req, reply) => {
      await downloadReceipt(ctx, params.applicationId, params.revision, reply)
      return null
    },
  }),
]
