import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { consortiumSources } from '../../../shared/contracts/consortia.ts'
import { ConsortiaPage } from './ConsortiaPage.tsx'
import { ConsortiumPage } from './ConsortiumPage.tsx'
import { ConsortiumInvitationPage } from './InvitationPage.tsx'
import { NewConsortiumPage } from './NewConsortiumPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>
const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined)

/**
 * Consortia under /app: my consortia (also the landing of "Invite to a consortium" from partner search,
 * with the organisation in the search), a new one, one consortium, and the e-mail invitation's page.
 * Registered by router.tsx with one line.
 */
export function createConsortiumRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const list = createRoute({
    ...at('consortia'),
    validateSearch: z.object({
      page: opt(z.coerce.number().int().min(1)),
      invite: opt(z.uuid()),
      name: opt(z.string().max(300)),
      source: opt(z.enum(consortiumSources)),
      ref: opt(z.string().max(200)),
    }),
    component: ConsortiaPage,
  })
  const create = createRoute({ ...at('consortia/new'), component: NewConsortiumPage })
  const one = createRoute({ ...at('consortia/$consortiumId'), component: ConsortiumPage })
  // The invitation page explains itself to a visitor who is not signed in yet (sign in, then answer).
  const invitation = createRoute({
    getParentRoute: () => appRoute,
    path: 'consortium-invitations/$token',
    component: ConsortiumInvitationPage,
  })
  return [list, create, one, invitation] as const
}
