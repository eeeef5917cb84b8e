import type { MediaKind, SolutionMedia } from '../../../../shared/contracts/solutions.ts'
import type { Queryable } from '../../../platform/db/client.ts'

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
}

/** A download name that says nothing about who uploaded it: SOL-00042-datasheet-1.pdf. */
export function neutralFilename(reference: string, kind: string, position: number, contentType: string): string {
  return `${reference}-${kind}-${position + 1}.${extensions[contentType] ?? 'bin'}`
}

/** The media of a solution in display order; file names neutral when the owner's identity is hidden. */
export async function mediaOf(
  db: Queryable,
  s: { id: string; reference: string },
  identityShown: boolean,
): Promise<SolutionMedia[]> {
  const rows = await db
    .selectFrom('solution_media as m')
    .innerJoin('files as f', 'f.id', 'm.file_id')
    .select(['m.id', 'm.kind', 'm.caption', 'm.position', 'f.content_type', 'f.byte_size', 'f.filename'])
    .where('m.solution_id', '=', s.id)
    .orderBy('m.kind', 'desc')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute()
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind as MediaKind,
    caption: m.caption,
    position: m.position,
    contentType: m.content_type,
    byteSize: m.byte_size,
    filename: identityShown ? m.filename : neutralFilename(s.reference, m.kind, m.position, m.content_type),
    url: `/api/v1/solutions/${s.id}/media/${m.id}`,
  }))
}
