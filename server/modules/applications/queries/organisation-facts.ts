import { sql } from 'kysely'
import type { PartnerFacts } from '../../../../shared/contracts/applications.ts'
import type { Queryable } from '../../../platform/db/client.ts'
import { factsOf, LIVE_STATUSES, linkedSql, otherApplicationsSql, type PartnerRow } from './rows.ts'

/**
 * The facts the consortium rules judge (country, type, SME status, link to a programme partner, other
 * live applications of the call) of organisations that are not in an application yet, computed by the
 * same SQL as an application's partners (`loadPartners`). `excludeApplicationId`: an application not
 * to count as "other" (a consortium's own, once converted).
 */
export async function organisationFacts(
  db: Queryable,
  call: { callId: string; programmeId: string; excludeApplicationId?: string | null },
  organisationIds: readonly string[],
): Promise<Map<string, PartnerFacts>> {
  const ids = [...new Set(organisationIds)]
  if (ids.length === 0) return new Map()
  const result = await sql<
    Pick<
      PartnerRow,
      'organisation_id' | 'legal_name' | 'country' | 'type' | 'sme_status' | 'linked' | 'other_applications'
    >
  >`
    select o.id as organisation_id, o.legal_name, o.country, o.type, o.sme_status,
      ${linkedSql('o', call.programmeId)} as linked,
      ${otherApplicationsSql('o', call.callId, sql`${call.excludeApplicationId ?? null}::uuid`, LIVE_STATUSES)} as other_applications
    from organisations o
    where o.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(db)
  return new Map(result.rows.map((r) => [r.organisation_id!, factsOf(r as PartnerRow)]))
}
