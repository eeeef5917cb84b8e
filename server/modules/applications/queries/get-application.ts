import type { Application } from '../../../../shared/contracts/applications.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplication } from './application-view.ts'

/** One application for its consortium and the programme's staff; 404 `application_not_found` for anyone else. */
export async function getApplication(ctx: CommandContext, id: string): Promise<Application> {
  authorize(ctx.actor, 'application.view')
  return readApplication(ctx.db, ctx.actor, ctx.clock.now(), id)
}
