import { programme } from '../../../../shared/contracts/programmes.ts'
import { DomainError } from '../../../platform/errors.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { getProgramme } from '../queries/get-programme.ts'

export const programmeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/programme',
    capability: 'programme.view',
    summary: 'The programme: partner clusters, domains and open calls',
    tags: ['programme'],
    response: programme,
    handler: async (_in, ctx) => {
      const p = await getProgramme(ctx.db, ctx.clock.now())
      if (!p) throw new DomainError('not_found', 'No programme has been set up yet.')
      return p
    },
  }),
]
