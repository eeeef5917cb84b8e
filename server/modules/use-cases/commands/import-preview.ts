import type { ImportPreview } from '../../../../shared/contracts/transfer.ts'
import { importFields } from '../../../../shared/contracts/transfer.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { organisationFields, requiredFields, suggestMapping } from '../domain/import-mapping.ts'
import { readImportFile } from './import-file.ts'

/** Step 1 of an import: the file's columns, a few sample values each, and a suggested mapping. Writes nothing. */
export async function previewImport(ctx: CommandContext, file: string): Promise<ImportPreview> {
  authorize(ctx.actor, 'use_case.import')
  const t = await readImportFile(file)
  const width = Math.max(t.header.length, ...t.data.map((r) => r.cells.length))
  const columns = Array.from({ length: width }, (_, index) => ({
    index,
    header: t.header[index] ?? '',
    samples: t.data
      .map((r) => r.cells[index] ?? '')
      .filter((v) => v !== '')
      .slice(0, 3)
      .map((v) => (v.length > 80 ? `${v.slice(0, 79)}…` : v)),
  }))
  return {
    format: t.format,
    rowCount: t.data.length,
    columns,
    suggestedMapping: suggestMapping(columns.map((c) => c.header)),
    fields: importFields.map((field) => ({
      field,
      required: requiredFields.includes(field) || organisationFields.includes(field),
    })),
  }
}
