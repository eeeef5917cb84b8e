import type { FastifyReply } from 'fastify'
import { attachmentHeader, mediaTypes, type TabularFormat } from './tabular.ts'

/** Sends a rendered file as an attachment (for routes declared with `download`). */
export function sendDownload(reply: FastifyReply, format: TabularFormat, filename: string, body: Buffer): FastifyReply {
  return reply
    .code(200)
    .header('content-type', mediaTypes[format])
    .header('content-disposition', attachmentHeader(filename))
    .header('cache-control', 'private, no-store')
    .send(body)
}
