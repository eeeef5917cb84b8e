import { z } from 'zod'
import {
  mediaBodyLimit,
  mediaParams,
  mediaPatch,
  mediaUploadInput,
  solutionMedia,
  solutionParams,
} from '../../../../shared/contracts/solutions.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { addMedia } from '../commands/add-media.ts'
import { deleteMedia, updateMedia } from '../commands/update-media.ts'
import { serveMedia } from '../queries/serve-media.ts'

const tags = ['solutions']

export const mediaRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/solutions/:solutionId/media',
    capability: 'solution.manage',
    summary:
      'Add an image (PNG, JPEG, WebP ≤ 2 MB) or a PDF datasheet (≤ 10 MB), base64; the type is read from the bytes',
    tags,
    params: solutionParams,
    body: mediaUploadInput,
    response: solutionMedia,
    status: 201,
    bodyLimit: mediaBodyLimit,
    handler: async ({ params, body }, ctx) => addMedia(ctx, params.solutionId, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/solutions/:solutionId/media/:mediaId',
    capability: 'solution.manage',
    summary: 'Change the caption or the position of an image or datasheet',
    tags,
    params: mediaParams,
    body: mediaPatch,
    response: solutionMedia,
    handler: async ({ params, body }, ctx) => updateMedia(ctx, params.solutionId, params.mediaId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/solutions/:solutionId/media/:mediaId',
    capability: 'solution.manage',
    summary: 'Remove an image or datasheet',
    tags,
    params: mediaParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await deleteMedia(ctx, params.solutionId, params.mediaId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/solutions/:solutionId/media/:mediaId',
    capability: 'solution.view',
    summary:
      'The bytes of an image or datasheet of a solution you may see (neutral file name when its owner is hidden)',
    tags,
    params: mediaParams,
    response: z.null(),
    download: { contentTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] },
    handler: async ({ params }, ctx, req, reply) => {
      await serveMedia(ctx, params.solutionId, params.mediaId, req, reply)
      return null
    },
  }),
]
