import type { SolutionContent, SolutionSnapshot } from '../../../../shared/contracts/solutions.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { currentLinks } from './references.ts'

/** The whole solution as it stands, for a revision. */
export async function snapshotOf(tx: Tx, id: string): Promise<SolutionSnapshot> {
  const s = await tx.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const links = await currentLinks(tx, id)
  return {
    status: s.status as SolutionSnapshot['status'],
    visibility: s.visibility as SolutionSnapshot['visibility'],
    type: s.type as SolutionSnapshot['type'],
    name: s.name,
    pitch: s.pitch,
    content: s.content as SolutionContent,
    language: s.language,
    languageDeclared: s.language_declared,
    ipStatus: s.ip_status as SolutionSnapshot['ipStatus'],
    targetTrl: s.target_trl,
    ...links,
  }
}

/** Writes revision `revision` of a solution: a full snapshot, its author and time. */
export async function writeRevision(
  tx: Tx,
  id: string,
  revision: number,
  authorId: string | null,
  now: Date,
): Promise<void> {
  const snapshot = await snapshotOf(tx, id)
  await tx
    .insertInto('solution_revisions')
    .values({ solution_id: id, revision, snapshot: JSON.stringify(snapshot), author_id: authorId, created_at: now })
    .execute()
}
