import type { NotificationKind } from '../../../../shared/contracts/notifications.ts'
import type { Actor } from '../../../platform/authz/actor.ts'
import type { Tx } from '../../../platform/db/client.ts'
import { loadActor } from '../../auth/index.ts'
import { type NotifyDeps, notify } from '../../notifications/index.ts'
import type { Party } from '../domain/lifecycle.ts'
import { partiesOf } from '../domain/parties.ts'
import { clusterIdsOfUseCase, visibleUseCases } from '../queries/visibility.ts'

export interface UseCaseRef {
  id: string
  programme_id: string
  organisation_id: string
  reference: string
  title: string
  created_by: string | null
}

/** What notifications need of a use case (read after the caller checked that the actor may see it). */
export function loadUseCaseRef(tx: Tx, id: string): Promise<UseCaseRef> {
  return tx
    .selectFrom('use_cases')
    .select(['id', 'programme_id', 'organisation_id', 'reference', 'title', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

async function membersOf(tx: Tx, organisationId: string, roles?: string[]): Promise<Set<string>> {
  let q = tx.selectFrom('memberships').select('user_id').where('organisation_id', '=', organisationId)
  if (roles) q = q.where('role', 'in', roles)
  return new Set((await q.execute()).map((m) => m.user_id))
}

/**
 * The authoring side: the use case's creator and the authors of its revisions who are still members
 * of its organisation; when none is left, the organisation's owners and admins.
 */
export async function authoringSide(tx: Tx, uc: UseCaseRef): Promise<string[]> {
  const members = await membersOf(tx, uc.organisation_id)
  const revisions = await tx
    .selectFrom('use_case_revisions')
    .select('author_id')
    .where('use_case_id', '=', uc.id)
    .execute()
  const authors = [uc.created_by, ...revisions.map((r) => r.author_id)].filter(
    (id): id is string => id !== null && members.has(id),
  )
  if (authors.length > 0) return [...new Set(authors)]
  return [...(await membersOf(tx, uc.organisation_id, ['owner', 'admin']))]
}

/** People holding a staff role (operator, cluster staff) in the programme now, among `ids` or all. */
async function staffOf(tx: Tx, programmeId: string, roles: string[], ids?: string[]): Promise<string[]> {
  if (ids && ids.length === 0) return []
  let q = tx
    .selectFrom('programme_roles')
    .select('user_id')
    .distinct()
    .where('programme_id', '=', programmeId)
    .where('role', 'in', roles)
  if (ids) q = q.where('user_id', 'in', ids)
  return (await q.execute()).map((r) => r.user_id)
}

/**
 * The staff side of a thread: the programme staff who took part in it (comments) or in the use case's
 * transitions, if they are still staff and not members of the authoring organisation; when there are
 * none, the cluster staff whose cluster follows the use case; when no cluster follows it, the operators.
 */
export async function staffSide(tx: Tx, uc: UseCaseRef): Promise<string[]> {
  const members = await membersOf(tx, uc.organisation_id)
  const commenters = await tx
    .selectFrom('use_case_comments')
    .select('author_id as id')
    .where('use_case_id', '=', uc.id)
    .execute()
  const movers = await tx
    .selectFrom('use_case_transitions')
    .select('actor_id as id')
    .where('use_case_id', '=', uc.id)
    .execute()
  const took = [...new Set([...commenters, ...movers].map((r) => r.id))].filter(
    (id): id is string => id !== null && !members.has(id),
  )
  const staff = await staffOf(tx, uc.programme_id, ['operator', 'cluster_staff'], took)
  if (staff.length > 0) return staff
  const following = await whoCanSee(
    tx,
    uc.id,
    (await staffOf(tx, uc.programme_id, ['cluster_staff'])).filter((id) => !members.has(id)),
    'staff',
  )
  if (following.length > 0) return following
  // No cluster follows it yet (no workshop, no member organisation): the operators hear of it.
  return (await staffOf(tx, uc.programme_id, ['operator'])).filter((id) => !members.has(id))
}

/**
 * Keeps the people who may see the use case now, by the module's one visibility rule, and who stand
 * on the given side of its thread (domain/parties.ts): a notification must never tell anyone about a
 * use case they could not open, nor treat a workshop participant who happens to be cluster staff as
 * the use case's staff.
 */
export async function whoCanSee(
  tx: Tx,
  useCaseId: string,
  userIds: readonly string[],
  side?: Party,
): Promise<string[]> {
  const out: string[] = []
  for (const id of new Set(userIds)) {
    const actor: Actor | null = await loadActor(tx, id, { kind: 'user' })
    if (!actor || actor.disabled) continue
    const seen = await visibleUseCases(tx, actor)
      .select(['uc.organisation_id', 'uc.programme_id', 'uc.status', clusterIdsOfUseCase.as('cluster_ids')])
      .where('uc.id', '=', useCaseId)
      .executeTakeFirst()
    if (seen && (!side || partiesOf(actor, seen).includes(side))) out.push(id)
  }
  return out
}

/** Notifies these parties of an event on the use case (never the actor), linking to its page. */
export async function notifyParties(
  tx: Tx,
  deps: NotifyDeps,
  uc: UseCaseRef,
  kind: Extract<NotificationKind, `use_case_${string}`>,
  recipients: readonly string[],
  actor: { userId: string | null; name: string | null },
  extra: Record<string, string> = {},
  side?: Party,
): Promise<void> {
  const userIds = await whoCanSee(
    tx,
    uc.id,
    recipients.filter((id) => id !== actor.userId),
    side,
  )
  await notify(tx, deps, {
    kind,
    recipients: { userIds },
    actorId: actor.userId,
    programmeId: uc.programme_id,
    subject: { type: 'use_case', id: uc.id },
    params: { title: uc.title, reference: uc.reference, actorName: actor.name ?? '', ...extra },
    link: `/app/use-cases/${uc.id}`,
  })
}

/** The display name of the acting person ('' for the system). */
export async function actorName(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null
  const row = await tx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
  return row?.name ?? null
}
