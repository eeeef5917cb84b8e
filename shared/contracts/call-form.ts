import { z } from 'zod'
import { isoDate, localizedText } from './common.ts'

/** The application form of a call (issue 5): sections of typed questions, conditions, partner-scoped questions. */

export const questionTypes = [
  'short_text',
  'long_text',
  'number',
  'money',
  'date',
  'single_choice',
  'multiple_choice',
  'file',
  'budget_table',
  'work_plan',
] as const
export type QuestionType = (typeof questionTypes)[number]

/**
 * What a question means to the rules engine, whatever its label: the acronym and title of the
 * application, its abstract, the TRL at start and at the end (checked against the call's window),
 * the duration in months.
 */
export const questionSemantics = ['acronym', 'title', 'abstract', 'trl_start', 'trl_end', 'duration_months'] as const
export type QuestionSemantic = (typeof questionSemantics)[number]

/** Upload types a file question accepts; the type is read from the bytes. */
export const uploadTypes = ['pdf', 'image', 'spreadsheet', 'document'] as const

export const questionId = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'question_id')
const choiceOption = z.object({ id: questionId, label: localizedText })

/** Shown only when another (single or multiple choice) question has one of these options. */
export const questionCondition = z.object({ questionId, anyOf: z.array(z.string()).min(1) })

const questionBase = {
  id: questionId,
  label: localizedText,
  help: localizedText.nullable().default(null),
  required: z.boolean().default(false),
  /** shared: written by the lead for the consortium; partner: every partner answers in its own part. */
  scope: z.enum(['shared', 'partner']).default('shared'),
  semantic: z.enum(questionSemantics).nullable().default(null),
  condition: questionCondition.nullable().default(null),
}

export const formQuestion = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('short_text'),
    maxLength: z.number().int().min(1).max(500).default(200),
  }),
  z.object({
    ...questionBase,
    type: z.literal('long_text'),
    minLength: z.number().int().min(0).max(50_000).default(0),
    maxLength: z.number().int().min(1).max(50_000).default(3000),
  }),
  z.object({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    integer: z.boolean().default(false),
  }),
  z.object({
    ...questionBase,
    type: z.literal('money'),
    minCents: z.number().int().nullable().default(null),
    maxCents: z.number().int().nullable().default(null),
  }),
  z.object({
    ...questionBase,
    type: z.literal('date'),
    min: isoDate.nullable().default(null),
    max: isoDate.nullable().default(null),
  }),
  z.object({ ...questionBase, type: z.literal('single_choice'), options: z.array(choiceOption).min(2).max(50) }),
  z.object({
    ...questionBase,
    type: z.literal('multiple_choice'),
    options: z.array(choiceOption).min(2).max(50),
    minSelected: z.number().int().min(0).default(0),
    maxSelected: z.number().int().min(1).nullable().default(null),
  }),
  z.object({
    ...questionBase,
    type: z.literal('file'),
    accept: z.array(z.enum(uploadTypes)).min(1).default(['pdf']),
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(20 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    maxFiles: z.number().int().min(1).max(10).default(1),
  }),
  /** The consortium's budget: one line per partner (each partner writes its own line in its part). */
  z.object({ ...questionBase, type: z.literal('budget_table') }),
  /** Work plan: duration, milestones and deliverables with their month. */
  z.object({
    ...questionBase,
    type: z.literal('work_plan'),
    maxMonths: z.number().int().min(1).max(60).default(12),
    minMilestones: z.number().int().min(0).default(1),
    minDeliverables: z.number().int().min(0).default(1),
  }),
])
export type FormQuestion = z.infer<typeof formQuestion>
export type FormQuestionInput = z.input<typeof formQuestion>

export const formSection = z.object({
  id: questionId,
  title: localizedText,
  description: localizedText.nullable().default(null),
  questions: z.array(formQuestion).max(60),
})
export type FormSection = z.infer<typeof formSection>

export const applicationForm = z.object({ sections: z.array(formSection).min(1).max(20) })
export type ApplicationForm = z.infer<typeof applicationForm>
