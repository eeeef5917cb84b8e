import { z } from 'zod'
import {
  applicantProfile,
  applicantProfileInput,
  logoBodyLimit,
  logoInput,
  logoParams,
  publicProfile,
  publicProfileParams,
  relationsInput,
} from '../../../../shared/contracts/profiles.ts'
import { fileHeaders } from '../../../platform/files/index.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { removeLogo, setLogo } from '../commands/logo.ts'
import { replaceRelations } from '../commands/replace-relations.ts'
import { updateApplicantProfile } from '../commands/update-applicant-profile.ts'
import { getApplicantProfile } from '../queries/applicant-profile.ts'
import { getPublicProfile, readLogo } from '../queries/public-profile.ts'
import { organisationParams, organisationSubject, tags } from './params.ts'

export const profileRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/applicant-profile',
    capability: 'organisation.view',
    subject: organisationSubject,
    summary: 'The applicant profile: figures, partner and linked enterprises, SME status with its reasoning',
    tags,
    params: organisationParams,
    response: applicantProfile,
    handler: async ({ params }, ctx) => getApplicantProfile(ctx, params.organisationId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/applicant-profile',
    capability: 'organisation.update',
    subject: organisationSubject,
    summary: 'Replace the applicant profile; the SME status is recomputed',
    tags,
    params: organisationParams,
    body: applicantProfileInput,
    response: applicantProfile,
    handler: async ({ params, body }, ctx) => updateApplicantProfile(ctx, params.organisationId, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/relations',
    capability: 'organisation.update',
    subject: organisationSubject,
    summary: 'Replace the declared partner and linked enterprises; the SME status is recomputed',
    tags,
    params: organisationParams,
    body: relationsInput,
    response: applicantProfile,
    handler: async ({ params, body }, ctx) => replaceRelations(ctx, params.organisationId, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/organisations/:organisationId/applicant-profile/logo',
    capability: 'organisation.update',
    subject: organisationSubject,
    summary: 'Upload the logo (base64; PNG, JPEG or WebP, at most 1 MB; the type is read from the bytes)',
    tags,
    params: organisationParams,
    body: logoInput,
    bodyLimit: logoBodyLimit,
    response: applicantProfile,
    handler: async ({ params, body }, ctx) => setLogo(ctx, params.organisationId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/applicant-profile/logo',
    capability: 'organisation.update',
    subject: organisationSubject,
    summary: 'Remove the logo',
    tags,
    params: organisationParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeLogo(ctx, params.organisationId)
      return null
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisations/:ref/logo',
    capability: 'organisation.profile.view',
    summary:
      "An organisation's logo, by id or public reference — only to those who may see its identity (else 404, as without a logo)",
    tags,
    params: logoParams,
    response: z.unknown(),
    download: { contentTypes: ['image/png', 'image/jpeg', 'image/webp'] },
    handler: async ({ params }, ctx, req, reply) => {
      const file = await readLogo(ctx, params.ref)
      const headers = fileHeaders(file, true)
      if (req.headers['if-none-match'] === headers.etag) {
        reply.code(304).headers(headers).send()
        return
      }
      reply.code(200).headers(headers).send(Buffer.from(file.data))
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/profiles/:ref',
    capability: 'organisation.profile.view',
    summary:
      'The public profile behind a reference (ORG-XXXXXXXX): identity only when the organisation lets you see it',
    tags,
    params: publicProfileParams,
    response: publicProfile,
    handler: async ({ params }, ctx) => getPublicProfile(ctx, params.ref),
  }),
]
