import { z } from 'zod'
import {
  assessmentParams,
  evidenceParams,
  questionnaireParams,
  solutionParams,
} from '../../../../shared/contracts/solutions.ts'
import {
  evidenceBodyLimit,
  evidenceUploadInput,
  storedEvidence,
  trlAssessment,
  trlAssessmentList,
  trlCompleteInput,
  trlQuestionnaire,
  trlReviewInput,
  trlSaveInput,
} from '../../../../shared/contracts/trl.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { completeAssessment } from '../commands/complete-assessment.ts'
import { discardAssessment } from '../commands/discard-assessment.ts'
import { reviewAssessment } from '../commands/review-assessment.ts'
import { saveAssessment } from '../commands/save-assessment.ts'
import { startAssessment } from '../commands/start-assessment.ts'
import { uploadEvidence } from '../commands/upload-evidence.ts'
import { questionnaireFor } from '../domain/trl/index.ts'
import { getAssessment, listAssessments } from '../queries/list-assessments.ts'
import { serveEvidence } from '../queries/serve-evidence.ts'

const tags = ['TRL assessments']
const base = '/api/v1/solutions/:solutionId/trl-assessments'

export const assessmentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/trl/questionnaires/:type',
    capability: 'solution.view',
    summary: 'The TRL questionnaire of a solution type: levels 1–9 and their criteria (texts: trl.criteria.<id>)',
    tags,
    params: questionnaireParams,
    response: trlQuestionnaire,
    handler: async ({ params }) => questionnaireFor(params.type),
  }),
  defineRoute({
    method: 'GET',
    url: base,
    capability: 'solution.view',
    summary: "A solution's assessments, newest first, with results, dates and latest review (members and reviewers)",
    tags,
    params: solutionParams,
    response: trlAssessmentList,
    handler: async ({ params }, ctx) => listAssessments(ctx, params.solutionId),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    capability: 'solution.manage',
    summary: 'Start a self-assessment (a draft, with the questionnaire of the solution type)',
    tags,
    params: solutionParams,
    response: trlAssessment,
    status: 201,
    handler: async ({ params }, ctx) => startAssessment(ctx, params.solutionId),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:assessmentId`,
    capability: 'solution.view',
    summary: 'One assessment with its answers, evidence, evaluation and reviews',
    tags,
    params: assessmentParams,
    response: trlAssessment,
    handler: async ({ params }, ctx) => getAssessment(ctx, params.solutionId, params.assessmentId),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/:assessmentId`,
    capability: 'solution.manage',
    summary: 'Save the answers and confidence of a draft (autosave: the whole list each time)',
    tags,
    params: assessmentParams,
    body: trlSaveInput,
    response: trlAssessment,
    handler: async ({ params, body }, ctx) => saveAssessment(ctx, params.solutionId, params.assessmentId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: `${base}/:assessmentId`,
    capability: 'solution.manage',
    summary: 'Discard a draft',
    tags,
    params: assessmentParams,
    response: z.null(),
    status: 204,
    handler: async ({ params }, ctx) => {
      await discardAssessment(ctx, params.solutionId, params.assessmentId)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:assessmentId/complete`,
    capability: 'solution.manage',
    summary: 'Complete a draft: the server computes the result from the answers (400 with what is missing)',
    tags,
    params: assessmentParams,
    body: trlCompleteInput,
    response: trlAssessment,
    handler: async ({ params, body }, ctx) => completeAssessment(ctx, params.solutionId, params.assessmentId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:assessmentId/evidence`,
    capability: 'solution.manage',
    summary: 'Upload a file of evidence (PDF or image ≤ 10 MB, base64) for a draft; answers name it by id',
    tags,
    params: assessmentParams,
    body: evidenceUploadInput,
    response: storedEvidence,
    status: 201,
    bodyLimit: evidenceBodyLimit,
    handler: async ({ params, body }, ctx) => uploadEvidence(ctx, params.solutionId, params.assessmentId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:assessmentId/evidence/:fileId`,
    capability: 'solution.view',
    summary: 'A file of evidence named by the assessment (members and reviewers)',
    tags,
    params: evidenceParams,
    response: z.null(),
    download: { contentTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] },
    handler: async ({ params }, ctx, req, reply) => {
      await serveEvidence(ctx, params.solutionId, params.assessmentId, params.fileId, req, reply)
      return null
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:assessmentId/reviews`,
    capability: 'solution.review_trl',
    summary: 'Confirm or adjust a completed self-assessment, with a reason the applicant sees',
    tags,
    params: assessmentParams,
    body: trlReviewInput,
    response: trlAssessment,
    status: 201,
    handler: async ({ params, body }, ctx) => reviewAssessment(ctx, params.solutionId, params.assessmentId, body),
  }),
]
