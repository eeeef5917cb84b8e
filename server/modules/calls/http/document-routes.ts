import { z } from 'zod'
import { callDocument, callDocumentParams, callDocumentUpload, callParams } from '../../../../shared/contracts/calls.ts'
import { fileKinds } from '../../../platform/files/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { addCallDocument } from '../commands/add-document.ts'
import { removeCallDocument } from '../commands/remove-document.ts'
import { serveCallDocument } from '../queries/serve-document.ts'
import { tags } from './call-routes.ts'

/** 20 MB as base64 (4/3) with room for the JSON around it. */
const uploadLimit = Math.ceil((fileKinds.call_document.maxBytes * 4) / 3) + 64 * 1024

export const documentRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/calls/:callId/documents',
    capability: 'call.manage',
    summary: 'Add a document (PDF, Word, Excel or OpenDocument ≤ 20 MB, base64; the type is read from the bytes)',
    tags,
    params: callParams,
    body: callDocumentUpload,
    response: callDocument,
    status: 201,
    bodyLimit: uploadLimit,
    handler: async ({ params, body }, ctx) => addCallDocument(ctx, params.callId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/calls/:callId/documents/:documentId',
    capability: 'call.manage',
    summary: 'Remove a document of a call',
    tags,
    params: callDocumentParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeCallDocument(ctx, params.callId, params.documentId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calls/:callId/documents/:documentId',
    capability: 'call.view',
    summary: 'Download a document of a call (public once the call is published)',
    tags,
    params: callDocumentParams,
    response: z.null(),
    download: { contentTypes: fileKinds.call_document.types },
    handler: async ({ params }, ctx, req, reply) => {
      await serveCallDocument(ctx, params.callId, params.documentId, req, reply)
      return null
    },
  }),
]
