import { sql } from 'kysely'
import type { z } from 'zod'
import type { OrganisationType } from '../../../../shared/contracts/organisations.ts'
import type { UseCase, useCaseInput } from '../../../../shared/contracts/use-cases.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readUseCase } from '../queries/get-use-case.ts'
import { checkDomain, checkTags, replaceTags } from './references.ts'

export type UseCaseCreate = z.output<typeof useCaseInput>

/** Organisations that state needs: end-users, operators of infrastructure, integrators, researchers. */
export const draftingTypes: readonly OrganisationType[] = [
  'public_authority',
  'infrastructure_operator',
  'integrator',
  'research_organisation',
  'other',
]

/**
 * The workshop a use case is captured at, checked: it exists for the actor (drafts only for their
 * organisers: else 400 on the field, like any unknown reference), it is published (409
 * `workshop_not_open`), and the actor organises it or is one of its approved registrants (403).
 * Answers the workshop's programme.
 */
async function checkCaptureWorkshop(tx: Tx, actor: Actor, workshopId: string): Promise<string> {
  const w = await tx
    .selectFrom('workshops')
    .select(['id', 'programme_id', 'cluster_id', 'status'])
    .where('id', '=', workshopId)
    .executeTakeFirst()
  const organiser =
    w !== undefined &&
    (actor.kind === 'system' ||
      actor.programmeRoles.some(
        (g) =>
          g.effective &&
          g.programmeId === w.programme_id &&
          (g.role === 'operator' || (g.role === 'cluster_staff' && g.clusterId === w.cluster_id)),
      ))
  if (!w || (w.status === 'draft' && !organiser)) {
    throw fieldError('workshopId', 'unknown_workshop', 'No such workshop.')
  }
  if (w.status !== 'published') {
    throw new DomainError('workshop_not_open', 'Use cases are captured at published workshops only.', {
      workshopStatus: w.status,
    })
  }
  if (!organiser) {
    const reg = await tx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', workshopId)
      .where('user_id', '=', actor.userId ?? '00000000-0000-0000-0000-000000000000')
      .where('status', '=', 'approved')
      .executeTakeFirst()
    if (!reg) {
      throw new DomainError('forbidden', 'Only its organisers and approved participants capture use cases here.', {
        reason: 'not_a_participant',
      })
    }
  }
  return w.programme_id
}

/**
 * A member of an eligible organisation drafts a use case for it: revision 1, status draft. With a
 * `workshopId` the draft is recorded as captured at that workshop (use_cases.workshop_id), in its programme.
 */
export async function createUseCase(ctx: CommandContext, input: UseCaseCreate): Promise<UseCase> {
  authorize(ctx.actor, 'use_case.create')
  if (ctx.actor.kind !== 'system' && !ctx.actor.memberships.has(input.organisationId)) {
    throw new DomainError('forbidden', 'Only members of the organisation draft its use cases.', {
      reason: 'not_a_member',
    })
  }
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (tx) => {
    const org = await tx
      .selectFrom('organisations')
      .select('type')
      .where('id', '=', input.organisationId)
      .executeTakeFirst()
    if (!org) throw new DomainError('organisation_not_found')
    if (!draftingTypes.includes(org.type as OrganisationType)) {
      throw new DomainError('organisation_not_eligible', 'Solution providers and clusters do not draft use cases.', {
        type: org.type,
      })
    }
    const workshopProgramme = input.workshopId ? await checkCaptureWorkshop(tx, ctx.actor, input.workshopId) : null
    const programmeId =
      (await checkDomain(tx, input.domainId, workshopProgramme ?? undefined)) ??
      workshopProgramme ??
      (await tx.selectFrom('programmes').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id
    const tags = await checkTags(tx, input.tags)
    const values = {
      title: input.title,
      content: JSON.stringify(input.content),
      trl_min: input.trlMin,
      trl_max: input.trlMax,
      domain_id: input.domainId,
      confidentiality: input.confidentiality,
    }
    const uc = await tx
      .insertInto('use_cases')
      .values({
        ...values,
        programme_id: programmeId,
        organisation_id: input.organisationId,
        workshop_id: input.workshopId,
        reference: sql<string>`'UC-' || lpad(nextval('use_case_reference_seq')::text, 4, '0')`,
        status: 'draft',
        revision: 1,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('use_case_revisions')
      .values({ ...values, use_case_id: uc.id, revision: 1, author_id: ctx.actor.userId, created_at: now })
      .execute()
    await replaceTags(tx, uc.id, tags)
    await recordAudit(tx, ctx, {
      action: 'use_case.created',
      subjectType: 'use_case',
      subjectId: uc.id,
      change: { reference: uc.reference, ...input },
    })
    return readUseCase(tx, ctx.actor, uc.id)
  })
}
