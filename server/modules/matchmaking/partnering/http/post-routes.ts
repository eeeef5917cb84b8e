import { z } from 'zod'
import {
  myPostsQuery,
  partneringListQuery,
  partneringPage,
  partneringPost,
  partneringPostInput,
  partneringPostPatch,
  postParams,
} from '../../../../../shared/contracts/partnering.ts'
import { defineRoute } from '../../../../platform/http/route.ts'
import { changePostStatus } from '../commands/change-post-status.ts'
import { createPost } from '../commands/create-post.ts'
import { updatePost } from '../commands/update-post.ts'
import { getPost, listMyPosts } from '../queries/get-post.ts'
import { listPosts } from '../queries/list-posts.ts'

const tags = ['partner search']

// No route `subject`: the organisation is in the body or the post; each use case checks membership,
// and a draft is a 404 for everyone outside its organisation.
export const postRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/posts',
    capability: 'partnering.view',
    summary: 'The marketplace: published, unexpired partnering posts, searched, filtered, sorted and paged',
    tags,
    query: partneringListQuery,
    response: partneringPage,
    handler: async ({ query }, ctx) => listPosts(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/my-posts',
    capability: 'partnering.view',
    summary: 'The partnering posts of your organisations, every status',
    tags,
    query: myPostsQuery,
    response: partneringPage,
    handler: async ({ query }, ctx) => listMyPosts(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/posts',
    capability: 'partnering.manage',
    summary: 'Draft a partnering post for your organisation',
    tags,
    body: partneringPostInput,
    response: partneringPost,
    status: 201,
    handler: async ({ body }, ctx) => createPost(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/partnering/posts/:postId',
    capability: 'partnering.view',
    summary: 'One partnering post (an anonymous one without its organisation’s identity)',
    tags,
    params: postParams,
    response: partneringPost,
    handler: async ({ params }, ctx) => getPost(ctx, params.postId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/partnering/posts/:postId',
    capability: 'partnering.manage',
    summary: 'Change a draft or published post (the fields sent)',
    tags,
    params: postParams,
    body: partneringPostPatch,
    response: partneringPost,
    handler: async ({ params, body }, ctx) => updatePost(ctx, params.postId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/posts/:postId/publish',
    capability: 'partnering.manage',
    summary: 'Publish a draft in the marketplace',
    tags,
    params: postParams,
    body: z.object({}).optional(),
    response: partneringPost,
    handler: async ({ params }, ctx) => changePostStatus(ctx, params.postId, 'publish'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/partnering/posts/:postId/close',
    capability: 'partnering.manage',
    summary: 'Close a post: it leaves the marketplace and takes no new interest',
    tags,
    params: postParams,
    body: z.object({}).optional(),
    response: partneringPost,
    handler: async ({ params }, ctx) => changePostStatus(ctx, params.postId, 'close'),
  }),
]
