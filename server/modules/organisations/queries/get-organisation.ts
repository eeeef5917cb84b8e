import type { Organisation } from '../../../../shared/contracts/organisations.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readOrganisation } from './organisation-view.ts'

export async function getOrganisation(ctx: CommandContext, organisationId: string): Promise<Organisation> {
  authorize(ctx.actor, 'organisation.view', { type: 'organisation', id: organisationId })
  return readOrganisation(ctx.db, ctx.actor, organisationId)
}
