import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import type { Queryable, Tx } from '../db/client.ts'
import { fieldError } from '../errors.ts'

/** Word processing and spreadsheet files: OOXML (docx, xlsx) and OpenDocument (odt, ods). */
const officeTypes = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const

/**
 * Stored files (logos, images, datasheets, evidence, later application annexes). The type is read
 * from the bytes, never taken from the client: a PDF renamed .png is refused, SVG (which can carry
 * script) is never accepted. Serving a file is the owning module's job: it checks who may see the
 * object the file belongs to before streaming it (see `sendStoredFile`).
 */
export const fileKinds = {
  image: { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 2 * 1024 * 1024 },
  logo: { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 1024 * 1024 },
  datasheet: { types: ['application/pdf'], maxBytes: 10 * 1024 * 1024 },
  evidence: { types: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'], maxBytes: 10 * 1024 * 1024 },
  /** A call's guide, templates and other documents: PDF and office formats (OOXML, OpenDocument). */
  call_document: { types: [...officeTypes, 'application/pdf'], maxBytes: 20 * 1024 * 1024 },
  /** An expert's CV: PDF or office documents. */
  expert_cv: { types: ['application/pdf', ...officeTypes], maxBytes: 10 * 1024 * 1024 },
  /** An annex to an application: PDF, images and office formats; a file question may cap it lower. */
  application_annex: {
    types: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', ...officeTypes],
    maxBytes: 20 * 1024 * 1024,
  },
} as const
export type FileKind = keyof typeof fileKinds

export interface StoredFile {
  id: string
  filename: string
  contentType: string
  byteSize: number
  sha256: string
}

/** Checks the bytes against the kind's types and size, then stores them; `field` names the form field in errors. */
export async function storeFile(
  tx: Tx,
  input: {
    kind: FileKind
    field: string
    filename: string
    data: Uint8Array
    organisationId: string | null
    createdBy: string | null
  },
): Promise<StoredFile> {
  const rule = fileKinds[input.kind]
  if (input.data.byteLength === 0) throw fieldError(input.field, 'file_empty', 'The file is empty.')
  if (input.data.byteLength > rule.maxBytes) {
    throw fieldError(input.field, 'file_too_large', `The file is larger than ${rule.maxBytes / 1024 / 1024} MB.`)
  }
  const sniffed = await fileTypeFromBuffer(input.data)
  const allowed: readonly string[] = rule.types
  if (!sniffed || !allowed.includes(sniffed.mime)) {
    throw fieldError(input.field, 'file_type', `Accepted: ${rule.types.join(', ')}.`)
  }
  const filename = cleanFilename(input.filename, sniffed.ext)
  const sha256 = createHash('sha256').update(input.data).digest('hex')
  const row = await tx
    .insertInto('files')
    .values({
      organisation_id: input.organisationId,
      purpose: input.kind,
      filename,
      content_type: sniffed.mime,
      byte_size: input.data.byteLength,
      sha256,
      data: Buffer.from(input.data),
      created_by: input.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, filename, contentType: sniffed.mime, byteSize: input.data.byteLength, sha256 }
}

/** A safe download name: no path, no control characters, the extension the content really has. */
export function cleanFilename(name: string, ext: string): string {
  const base =
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]*$/, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
      .trim()
      .slice(0, 120) || 'file'
  return `${base}.${ext}`
}

export async function loadFile(db: Queryable, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Headers for serving stored bytes: never sniffed by the browser, never run as a document. */
export function fileHeaders(f: { content_type: string; filename: string; sha256: string }, inline: boolean) {
  return {
    'content-type': f.content_type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=300',
    etag: `"${f.sha256}"`,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
  }
}
