import { deflateSync } from 'node:zlib'
import { nextSolutionReference, questionnaireFor, refreshSearchVector } from '../../server/modules/solutions/index.ts'
import type { Database } from '../../server/platform/db/client.ts'
import type { SolutionType } from '../../shared/contracts/solutions.ts'
import type { TrlAnswerInput } from '../../shared/contracts/trl.ts'

/** A valid solution body for POST /api/v1/solutions. */
export function solutionBody(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    name: 'ThermoWatch perimeter camera',
    pitch: 'Thermal cameras that tell people from animals along industrial fences, day and night.',
    type: 'hardware',
    visibility: 'public',
    ipStatus: 'patent_pending',
    targetTrl: 8,
    content: {
      description:
        'A thermal camera with on-board classification that detects intruders along long fences and sends located alarms to the video management system.',
      problem: 'Fences of Seveso sites raise many false alarms from wildlife.',
      targetUsers: ['critical_infrastructure', 'private_security'],
      references: [
        { clientType: 'infrastructure_operator', country: 'FR', year: 2024, description: 'Pilot on a refinery fence' },
      ],
    },
    ...overrides,
  }
}

/** A solution written straight to the database (revision 1, no snapshot): for visibility tests. */
export async function insertSolution(
  db: Database,
  traits: {
    organisationId: string
    name: string
    status?: 'draft' | 'published' | 'archived'
    visibility?: 'public' | 'members' | 'anonymous'
    type?: SolutionType
    assessedTrl?: number | null
    language?: string
  },
): Promise<{ id: string; reference: string }> {
  const reference = await nextSolutionReference(db)
  const row = await db
    .insertInto('solutions')
    .values({
      organisation_id: traits.organisationId,
      reference,
      status: traits.status ?? 'published',
      visibility: traits.visibility ?? 'public',
      type: traits.type ?? 'software',
      name: traits.name,
      pitch: `${traits.name}: a pitch`,
      content: JSON.stringify({ description: `About ${traits.name}`, problem: '', targetUsers: [], references: [] }),
      language: traits.language ?? 'en',
      ip_status: 'proprietary',
      assessed_trl: traits.assessedTrl ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await refreshSearchVector(db, row.id)
  return { id: row.id, reference }
}

export const evidence = {
  evidenceText: 'Test report of the trial, signed by the site manager',
  evidenceUrl: 'https://example.org/reports/trial.pdf',
  evidenceFileId: null,
}

/** Answers to a type's questionnaire: "yes" with evidence up to `level`, then a "no" at level + 1 (if ≤ 9). */
export function answersUpTo(type: SolutionType, level: number): TrlAnswerInput[] {
  const q = questionnaireFor(type)
  const out: TrlAnswerInput[] = []
  for (const l of q.levels) {
    if (l.level <= level) for (const c of l.criteria) out.push({ criterion: c.id, met: true, ...evidence })
    else if (l.level === level + 1)
      out.push({ criterion: l.criteria[0]!.id, met: false, evidenceText: '', evidenceUrl: '', evidenceFileId: null })
  }
  return out
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** A real PNG image of width × height pixels of one colour (optionally padded to a size with a text chunk). */
export function pngBytes(width = 4, height = 3, rgb: [number, number, number] = [200, 30, 30], padTo = 0): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
  ]
  const size = parts.reduce((n, p) => n + p.length, 0) + 12
  if (padTo > size + 12) parts.push(chunk('tEXt', Buffer.alloc(padTo - size - 12, 0x41)))
  parts.push(chunk('IEND', Buffer.alloc(0)))
  return Buffer.concat(parts)
}

/** A small but well-formed PDF with one page of text. */
export function pdfBytes(text = 'Datasheet'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const stream = `BT /F1 18 Tf 20 70 Td (${text.replace(/[()\\]/g, '')}) Tj ET`
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

export const b64 = (b: Buffer) => b.toString('base64')
