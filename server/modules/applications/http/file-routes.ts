import { z } from 'zod'
import {
  applicationFileParams,
  applicationParams,
  fileUpload,
  uploadedFile,
} from '../../../../shared/contracts/applications.ts'
import { fileKinds } from '../../../platform/files/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { uploadFile } from '../commands/upload-file.ts'
import { serveApplicationFile } from '../queries/serve-file.ts'

const tags = ['applications']

export const fileRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/applications/:applicationId/files',
    capability: 'application.manage',
    summary: 'Upload a file for a file question (base64; type read from the bytes, size capped by the question)',
    tags,
    params: applicationParams,
    body: fileUpload,
    response: uploadedFile,
    status: 201,
    // base64 is 4/3 of the bytes, plus the JSON around it
    bodyLimit: Math.ceil((fileKinds.application_annex.maxBytes * 4) / 3) + 64 * 1024,
    handler: async ({ params, body }, ctx) => uploadFile(ctx, params.applicationId, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/applications/:applicationId/files/:fileId',
    capability: 'application.view',
    summary: 'Download a file of the application (consortium and programme staff)',
    tags,
    params: applicationFileParams,
    response: z.null(),
    download: { contentTypes: fileKinds.application_annex.types },
    handler: async ({ params }, ctx, req, reply) => {
      await serveApplicationFile(ctx, params.applicationId, params.fileId, req, reply)
      return null
    },
  }),
]
