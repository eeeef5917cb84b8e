import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import {
  interestStatuses,
  partneringKinds,
  partneringSorts,
  partneringStatuses,
} from '../../../shared/contracts/partnering.ts'
import { countryCodes } from '../../../shared/countries.ts'
import { MarketplacePage } from './MarketplacePage.tsx'
import { MessagesPage } from './MessagesPage.tsx'
import { MyInterestsPage } from './MyInterestsPage.tsx'
import { MyPostsPage } from './MyPostsPage.tsx'
import { EditPostPage, NewPostPage } from './PostFormPage.tsx'
import { PostPage } from './PostPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

const opt = <T extends z.ZodType>(s: T) => s.optional().catch(undefined)
const page = opt(z.coerce.number().int().min(1))
const country = opt(z.enum(countryCodes))

/**
 * Partner search under /app: the marketplace, a post, the post form, the organisation's posts with the
 * interests received, the interests sent, and the message threads (/app/messages). Registered by
 * router.tsx with one line.
 */
export function createPartneringRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  const market = createRoute({
    ...at('partnering'),
    validateSearch: z.object({
      q: opt(z.string().max(200)),
      kind: opt(z.enum(partneringKinds)),
      country,
      wanted: country,
      call: opt(z.uuid()),
      challenge: opt(z.uuid()),
      tag: opt(z.uuid()),
      sort: opt(z.enum(partneringSorts)),
      page,
    }),
    component: MarketplacePage,
  })
  const create = createRoute({ ...at('partnering/new'), component: NewPostPage })
  const mine = createRoute({
    ...at('partnering/mine'),
    validateSearch: z.object({ status: opt(z.enum(partneringStatuses)), page }),
    component: MyPostsPage,
  })
  const interests = createRoute({
    ...at('partnering/interests'),
    validateSearch: z.object({ status: opt(z.enum(interestStatuses)), page }),
    component: MyInterestsPage,
  })
  const post = createRoute({ ...at('partnering/posts/$postId'), component: PostPage })
  const edit = createRoute({ ...at('partnering/posts/$postId/edit'), component: EditPostPage })
  const messages = createRoute({ ...at('messages'), component: MessagesPage })
  const thread = createRoute({ ...at('messages/$threadId'), component: MessagesPage })
  return [market, create, mine, interests, post, edit, messages, thread] as const
}
