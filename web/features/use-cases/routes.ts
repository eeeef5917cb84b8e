import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { challengeStatuses } from '../../../shared/contracts/challenges.ts'
import { confidentialities, useCaseStatuses } from '../../../shared/contracts/use-cases.ts'
import { listSearch } from '../../design-system/DataTable.tsx'
import { ChallengeAdminPage } from '../challenges-admin/ChallengeAdminPage.tsx'
import { ChallengesAdminPage } from '../challenges-admin/ChallengesAdminPage.tsx'
import { NewChallengePage } from '../challenges-admin/NewChallengePage.tsx'
import { EditUseCasePage, NewUseCasePage } from './UseCaseFormPages.tsx'
import { UseCasePage } from './UseCasePage.tsx'
import { UseCasesPage } from './UseCasesPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * The demand side's pages (use cases, and the operators' challenges), under /app. Created from the app
 * route and its sign-in guard so that router.tsx registers them with one line.
 */
export function createDemandRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const optionalId = z.string().uuid().optional().catch(undefined)
  const useCases = createRoute({
    getParentRoute: () => appRoute,
    path: 'use-cases',
    beforeLoad: guard,
    validateSearch: listSearch.extend({
      status: z.enum(useCaseStatuses).optional().catch(undefined),
      domain: optionalId,
      confidentiality: z.enum(confidentialities).optional().catch(undefined),
    }),
    component: UseCasesPage,
  })
  const newUseCase = createRoute({
    getParentRoute: () => appRoute,
    path: 'use-cases/new',
    beforeLoad: guard,
    component: NewUseCasePage,
  })
  const useCase = createRoute({
    getParentRoute: () => appRoute,
    path: 'use-cases/$useCaseId',
    beforeLoad: guard,
    validateSearch: z.object({ revision: z.coerce.number().int().min(1).optional().catch(undefined) }),
    component: UseCasePage,
  })
  const editUseCase = createRoute({
    getParentRoute: () => appRoute,
    path: 'use-cases/$useCaseId/edit',
    beforeLoad: guard,
    component: EditUseCasePage,
  })
  const challenges = createRoute({
    getParentRoute: () => appRoute,
    path: 'admin/challenges',
    beforeLoad: guard,
    validateSearch: listSearch.extend({
      status: z.enum(challengeStatuses).optional().catch(undefined),
      domain: optionalId,
    }),
    component: ChallengesAdminPage,
  })
  const newChallenge = createRoute({
    getParentRoute: () => appRoute,
    path: 'admin/challenges/new',
    beforeLoad: guard,
    validateSearch: z.object({ fromUseCase: optionalId }),
    component: NewChallengePage,
  })
  const challenge = createRoute({
    getParentRoute: () => appRoute,
    path: 'admin/challenges/$challengeId',
    beforeLoad: guard,
    component: ChallengeAdminPage,
  })
  return [useCases, newUseCase, useCase, editUseCase, challenges, newChallenge, challenge] as const
}
