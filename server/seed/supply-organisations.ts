/** Supply seed, step 1: the demo organisations, their relations and expertise tags, and the demo SME's figures. */
import { refreshSearchVector as refreshOrganisationVector } from '../modules/organisations/commands/profile-support.ts'
import { assessSme } from '../modules/organisations/domain/sme.ts'
import type { Tx } from '../platform/db/client.ts'
import { demoOrganisations, demoSmeProfile, type SeedOrganisation, SUPPLY_DEMO_NOTE } from './supply-data/index.ts'
import { cents, organisationIdOf, slug, tagId } from './supply-support.ts'

/** The organisation's figures for the SME check (Recommendation 2003/361), and its verdict. */
function smeOf(o: {
  headcount: number
  turnoverK: number
  balanceK: number
  relations?: SeedOrganisation['relations']
}) {
  return assessSme({
    headcount: o.headcount,
    annualTurnoverCents: cents(o.turnoverK),
    balanceSheetCents: cents(o.balanceK),
    publicBodyControl: false,
    relations: (o.relations ?? []).map((r) => ({
      relation: r.relation,
      sharePercent: r.share,
      headcount: r.headcount,
      annualTurnoverCents: cents(r.turnoverK),
      balanceSheetCents: cents(r.balanceK),
    })),
  })
}

/** Upserts the demo organisations; returns the ids of those tagged (the demo SME's included when it exists). */
export async function seedOrganisations(tx: Tx, now: Date): Promise<string[]> {
  const rows = demoOrganisations.map((o) => {
    const sme = o.type === 'public_authority' || o.type === 'infrastructure_operator' ? null : smeOf(o)
    return {
      id: organisationIdOf(o.key),
      legal_name: o.legalName,
      short_name: o.shortName ?? null,
      country: o.country,
      type: o.type,
      website: `https://www.${slug(o.shortName ?? o.legalName)}.example`,
      description: `${o.description} ${SUPPLY_DEMO_NOTE}`,
      headcount: String(o.headcount),
      annual_turnover_cents: cents(o.turnoverK),
      balance_sheet_cents: cents(o.balanceK),
      financial_year: 2024,
      founded_year: o.founded,
      region: o.region,
      visibility: o.visibility,
      language: o.language,
      language_declared: true,
      sme_status: sme?.status ?? null,
      sme_explanation: sme ? JSON.stringify(sme.explanation) : null,
      sme_checked_at: sme ? now : null,
    }
  })
  await tx
    .insertInto('organisations')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        legal_name: eb.ref('excluded.legal_name'),
        short_name: eb.ref('excluded.short_name'),
        country: eb.ref('excluded.country'),
        type: eb.ref('excluded.type'),
        website: eb.ref('excluded.website'),
        description: eb.ref('excluded.description'),
        headcount: eb.ref('excluded.headcount'),
        annual_turnover_cents: eb.ref('excluded.annual_turnover_cents'),
        balance_sheet_cents: eb.ref('excluded.balance_sheet_cents'),
        financial_year: eb.ref('excluded.financial_year'),
        founded_year: eb.ref('excluded.founded_year'),
        region: eb.ref('excluded.region'),
        visibility: eb.ref('excluded.visibility'),
        language: eb.ref('excluded.language'),
        language_declared: eb.ref('excluded.language_declared'),
        sme_status: eb.ref('excluded.sme_status'),
        sme_explanation: eb.ref('excluded.sme_explanation'),
        sme_checked_at: eb.ref('excluded.sme_checked_at'),
      })),
    )
    .execute()

  // The demo SME account's organisation: its figures, unless someone has filled them in already.
  const demoSmeId = organisationIdOf('demo-sme')
  const demoSme = await tx
    .selectFrom('organisations')
    .select(['id', 'headcount'])
    .where('id', '=', demoSmeId)
    .executeTakeFirst()
  if (demoSme && demoSme.headcount === null) {
    const sme = smeOf(demoSmeProfile)
    await tx
      .updateTable('organisations')
      .set({
        headcount: String(demoSmeProfile.headcount),
        annual_turnover_cents: cents(demoSmeProfile.turnoverK),
        balance_sheet_cents: cents(demoSmeProfile.balanceK),
        financial_year: 2024,
        founded_year: demoSmeProfile.founded,
        region: demoSmeProfile.region,
        description: `${demoSmeProfile.description} ${SUPPLY_DEMO_NOTE}`,
        sme_status: sme.status,
        sme_explanation: JSON.stringify(sme.explanation),
        sme_checked_at: now,
      })
      .where('id', '=', demoSmeId)
      .execute()
  }

  const ids = rows.map((r) => r.id)
  await tx.deleteFrom('organisation_relations').where('organisation_id', 'in', ids).execute()
  const relations = demoOrganisations.flatMap((o) =>
    (o.relations ?? []).map((r, position) => ({
      organisation_id: organisationIdOf(o.key),
      relation: r.relation,
      name: r.name,
      country: r.country,
      share_percent: String(r.share),
      headcount: String(r.headcount),
      annual_turnover_cents: cents(r.turnoverK),
      balance_sheet_cents: cents(r.balanceK),
      position,
    })),
  )
  if (relations.length > 0) await tx.insertInto('organisation_relations').values(relations).execute()

  const tagged = [...demoOrganisations, ...(demoSme ? [{ key: 'demo-sme', expertise: demoSmeProfile.expertise }] : [])]
  const taggedIds = tagged.map((o) => organisationIdOf(o.key))
  await tx.deleteFrom('organisation_tags').where('organisation_id', 'in', taggedIds).execute()
  await tx
    .insertInto('organisation_tags')
    .values(
      tagged.flatMap((o) =>
        [...new Set(o.expertise)].map((t) => ({ organisation_id: organisationIdOf(o.key), term_id: tagId(t) })),
      ),
    )
    .execute()
  for (const id of taggedIds) await refreshOrganisationVector(tx, id)
  return taggedIds
}
