import {
  type FormQuestion,
  type FormSection,
  formQuestion,
  type QuestionSemantic,
  type QuestionType,
} from '../../../../../shared/contracts/call-form.ts'
import { nextId, normalizeQuestion, toTexts } from '../values.ts'

/** A fresh question of a type, with the contract's defaults (two options for a choice). */
export function newQuestion(type: QuestionType, id: string, keep?: Partial<FormQuestion>): FormQuestion {
  const choice = type === 'single_choice' || type === 'multiple_choice'
  const options = choice
    ? keep && 'options' in keep && keep.options
      ? keep.options
      : [
          { id: 'opt_1', label: { en: 'Option 1' } },
          { id: 'opt_2', label: { en: 'Option 2' } },
        ]
    : undefined
  const parsed = formQuestion.parse({
    id,
    type,
    label: keep?.label ?? { en: '' },
    help: keep?.help ?? null,
    required: keep?.required ?? false,
    scope: keep?.scope ?? 'shared',
    semantic: keep?.semantic && semanticsFor(type).includes(keep.semantic) ? keep.semantic : null,
    condition: keep?.condition ?? null,
    ...(options ? { options } : {}),
  })
  return normalizeQuestion(parsed)
}

export function newSection(id: string): FormSection {
  return { id, title: toTexts(null), description: toTexts(null), questions: [] }
}

/** The meanings a question of this type can carry for the rules engine. */
export function semanticsFor(type: QuestionType): QuestionSemantic[] {
  if (type === 'short_text') return ['acronym', 'title']
  if (type === 'long_text') return ['abstract']
  if (type === 'number') return ['trl_start', 'trl_end', 'duration_months']
  return []
}

export function newOptionId(taken: Iterable<string>): string {
  return nextId('opt', taken)
}

export const isChoice = (q: FormQuestion): q is Extract<FormQuestion, { type: 'single_choice' | 'multiple_choice' }> =>
  q.type === 'single_choice' || q.type === 'multiple_choice'
