import type { Database } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'

/** The programme this installation runs (the first one set up). */
export async function currentProgrammeId(db: Database): Promise<string> {
  const p = await db.selectFrom('programmes').select('id').orderBy('created_at').limit(1).executeTakeFirst()
  if (!p) throw new DomainError('not_found', 'No programme has been set up yet.')
  return p.id
}
