import { programme, programmeSettingsPatch } from '../../../../shared/contracts/programmes.ts'
import { DomainError } from '../../../platform/errors.ts'
import { type CommandContext, defineRoute } from '../../../platform/http/route.ts'
import { updateProgrammeSettings } from '../commands/update-settings.ts'
import { getProgramme } from '../queries/get-programme.ts'

async function current(ctx: CommandContext) {
  const p = await getProgramme(ctx.db, ctx.clock.now())
  if (!p) throw new DomainError('not_found', 'No programme has been set up yet.')
  return p
}

export const programmeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/programme',
    capability: 'programme.view',
    summary: 'The programme: partner clusters, domains and open calls',
    tags: ['programme'],
    response: programme,
    handler: async (_in, ctx) => current(ctx),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/programme',
    capability: 'programme.manage',
    summary: 'Change programme settings (operators)',
    tags: ['programme'],
    body: programmeSettingsPatch,
    response: programme,
    handler: async ({ body }, ctx) => {
      const p = await current(ctx)
      await updateProgrammeSettings(ctx, p.id, body)
      return current(ctx)
    },
  }),
]
