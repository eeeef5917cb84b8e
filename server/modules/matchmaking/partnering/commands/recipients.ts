import type { Tx } from '../../../../platform/db/client.ts'

/**
 * Who hears of partner-search events on one organisation's side: the people named (the post's author,
 * the interest's author, whoever wrote in the thread) while they are still members, and always the
 * organisation's owners and admins.
 */
export async function sideOf(tx: Tx, organisationId: string, named: readonly (string | null)[]): Promise<string[]> {
  const ids = named.filter((x): x is string => !!x)
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('role', 'in', ['owner', 'admin']), ...(ids.length ? [eb('user_id', 'in', ids)] : [])]))
    .execute()
  return [...new Set(rows.map((r) => r.user_id))]
}
