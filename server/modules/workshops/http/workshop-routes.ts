import { z } from 'zod'
import { uuid } from '../../../../shared/contracts/common.ts'
import { workshop, workshopCreate, workshopList, workshopUpdate } from '../../../../shared/contracts/workshops.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { changeWorkshopStatus } from '../commands/change-status.ts'
import { createWorkshop } from '../commands/create-workshop.ts'
import { updateWorkshop } from '../commands/update-workshop.ts'
import { workshopCalendar } from '../queries/calendar.ts'
import { getWorkshop } from '../queries/get-workshop.ts'
import { listWorkshops } from '../queries/list-workshops.ts'

export const tags = ['workshops']
export const workshopParams = z.object({ workshopId: uuid })

export const workshopCrudRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops',
    capability: 'workshop.view',
    summary: 'Workshops you may see, soonest first (drafts only for their organisers)',
    tags,
    response: workshopList,
    handler: async (_, ctx) => listWorkshops(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops',
    capability: 'workshop.manage',
    summary: 'Create a draft workshop for your cluster (operators: any cluster)',
    tags,
    body: workshopCreate,
    response: workshop,
    status: 201,
    handler: async ({ body }, ctx) => createWorkshop(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops/:workshopId',
    capability: 'workshop.view',
    summary: 'One workshop',
    tags,
    params: workshopParams,
    response: workshop,
    handler: async ({ params }, ctx) => getWorkshop(ctx, params.workshopId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/workshops/:workshopId',
    capability: 'workshop.manage',
    summary: 'Edit a workshop (a new time or place bumps the sequence and mails registrants)',
    tags,
    params: workshopParams,
    body: workshopUpdate,
    response: workshop,
    handler: async ({ params, body }, ctx) => updateWorkshop(ctx, params.workshopId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops/:workshopId/publish',
    capability: 'workshop.manage',
    summary: 'Publish a draft workshop (schedules the reminder 24 h before)',
    tags,
    params: workshopParams,
    response: workshop,
    handler: async ({ params }, ctx) => changeWorkshopStatus(ctx, params.workshopId, 'published'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workshops/:workshopId/cancel',
    capability: 'workshop.manage',
    summary: 'Cancel a workshop',
    tags,
    params: workshopParams,
    response: workshop,
    handler: async ({ params }, ctx) => changeWorkshopStatus(ctx, params.workshopId, 'cancelled'),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/workshops/:workshopId/calendar.ics',
    capability: 'public',
    summary: 'iCalendar invitation (text/calendar); public unless the workshop is a draft',
    tags,
    params: workshopParams,
    response: z.string(),
    handler: async ({ params }, ctx, _req, reply) => {
      const ics = await workshopCalendar(ctx, params.workshopId)
      reply.header('content-type', 'text/calendar; charset=utf-8')
      reply.header('content-disposition', `attachment; filename="workshop-${params.workshopId}.ics"`)
      return ics
    },
  }),
]
