import type { ImportPreview } from '../../../../shared/contracts/transfer.ts'
import { importFields } from '../../../../shared/contracts/transfer.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { previewImport as previewTable, readImportTable } from '../../../platform/export/import-table.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { organisationFields, requiredFields, suggestMapping } from '../domain/import-mapping.ts'
import { importLimits } from './import-use-cases.ts'

/** Step 1 of an import: the file's columns, a few sample values each, and a suggested mapping. Writes nothing. */
export async function previewImport(ctx: CommandContext, file: string): Promise<ImportPreview> {
  authorize(ctx.actor, 'use_case.import')
  return previewTable(
    await readImportTable(file, importLimits),
    suggestMapping,
    importFields,
    (f) => requiredFields.includes(f) || organisationFields.includes(f),
  )
}
