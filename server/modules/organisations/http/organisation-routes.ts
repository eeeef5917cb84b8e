import {
  organisation,
  organisationInput,
  organisationListQuery,
  organisationPage,
  organisationPatch,
} from '../../../../shared/contracts/organisations.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { createOrganisation } from '../commands/create-organisation.ts'
import { updateOrganisation } from '../commands/update-organisation.ts'
import { getOrganisation } from '../queries/get-organisation.ts'
import { listOrganisations } from '../queries/list-organisations.ts'
import { organisationParams, organisationSubject, tags } from './params.ts'

export const organisationCrudRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/organisations',
    capability: 'organisation.create',
    summary: 'Register an organisation (you become its owner)',
    tags,
    body: organisationInput,
    response: organisation,
    status: 201,
    handler: async ({ body }, ctx) => createOrganisation(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations',
    // Everyone signed in lists their own (`mine=true`); the full list needs `organisation.list`.
    capability: 'account.view',
    summary: 'Search organisations, or list your own with mine=true',
    tags,
    query: organisationListQuery,
    response: organisationPage,
    handler: async ({ query }, ctx) => listOrganisations(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId',
    capability: 'organisation.view',
    subject: organisationSubject,
    summary: 'One organisation, with your role and abilities',
    tags,
    params: organisationParams,
    response: organisation,
    handler: async ({ params }, ctx) => getOrganisation(ctx, params.organisationId),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/organisations/:organisationId',
    capability: 'organisation.update',
    subject: organisationSubject,
    summary: 'Change the fields sent',
    tags,
    params: organisationParams,
    body: organisationPatch,
    response: organisation,
    handler: async ({ params, body }, ctx) => updateOrganisation(ctx, params.organisationId, body),
  }),
]
