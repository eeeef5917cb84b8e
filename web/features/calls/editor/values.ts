import type { z } from 'zod'
import type { FormQuestion, FormSection } from '../../../../shared/contracts/call-form.ts'
import type { Call, CallConfig, callInput } from '../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'

/**
 * The call editor's state: the `callInput` contract's shape, with every translated text held as
 * `{ en, fr, nl }` (empty strings for missing translations, so that inputs stay controlled). Money
 * stays in integer cents (the money inputs show euros). `toPayload` turns it back into the contract.
 */
export interface Texts {
  en: string
  fr: string
  nl: string
  [lang: string]: string
}

export interface CallFormValues {
  code: string
  title: Texts
  summary: Texts
  opensAtLocal: string
  deadlineLocal: string
  timeZone: string
  challengeIds: string[]
  config: CallConfig
}

export type CallPayload = z.input<typeof callInput>

export const textLanguages = ['en', 'fr', 'nl'] as const

export function toTexts(text: LocalizedText | null | undefined): Texts {
  return { ...(text ?? {}), en: text?.en ?? '', fr: text?.fr ?? '', nl: text?.nl ?? '' }
}

/** Drops empty translations (English stays, even empty: the contract requires the key). */
export function cleanTexts(text: LocalizedText): LocalizedText {
  const out: LocalizedText = { en: text.en.trim() }
  for (const [lang, value] of Object.entries(text)) if (lang !== 'en' && value.trim()) out[lang] = value.trim()
  return out
}

/** An optional text (help, description): null when nothing is written. */
export function cleanOptional(text: LocalizedText | null): LocalizedText | null {
  if (!text) return null
  const cleaned = cleanTexts(text)
  return Object.values(cleaned).some((v) => v) ? cleaned : null
}

function mapQuestion(
  q: FormQuestion,
  text: (t: LocalizedText) => LocalizedText,
  optional: typeof toTexts | typeof cleanOptional,
): FormQuestion {
  const base = { ...q, label: text(q.label), help: optional(q.help) }
  if (base.type === 'single_choice' || base.type === 'multiple_choice')
    return { ...base, options: base.options.map((o) => ({ ...o, label: text(o.label) })) }
  return base
}

function mapSection(
  s: FormSection,
  text: (t: LocalizedText) => LocalizedText,
  optional: typeof toTexts | typeof cleanOptional,
): FormSection {
  return {
    ...s,
    title: text(s.title),
    description: optional(s.description),
    questions: s.questions.map((q) => mapQuestion(q, text, optional)),
  }
}

function mapConfig(
  config: CallConfig,
  text: (t: LocalizedText) => LocalizedText,
  optional: typeof toTexts | typeof cleanOptional,
): CallConfig {
  return {
    ...config,
    consortium: { ...config.consortium, eligibleCountries: [...config.consortium.eligibleCountries] },
    form: { sections: config.form.sections.map((s) => mapSection(s, text, optional)) },
    evaluation: {
      ...config.evaluation,
      criteria: config.evaluation.criteria.map((c) => ({
        ...c,
        name: text(c.name),
        description: optional(c.description),
      })),
    },
  }
}

export const normalizeQuestion = (q: FormQuestion): FormQuestion => mapQuestion(q, toTexts, toTexts)
export const normalizeConfig = (config: CallConfig): CallConfig => mapConfig(config, toTexts, toTexts)
export const cleanConfig = (config: CallConfig): CallConfig => mapConfig(config, cleanTexts, cleanOptional)

export function toValues(call: Call | undefined, defaults: CallConfig): CallFormValues {
  return {
    code: call?.code ?? '',
    title: toTexts(call?.title),
    summary: toTexts(call?.summary),
    opensAtLocal: call?.schedule.opensAtLocal ?? '',
    deadlineLocal: call?.schedule.deadlineLocal ?? '',
    timeZone: call?.schedule.timeZone ?? 'Europe/Brussels',
    challengeIds: call?.challenges.map((c) => c.id) ?? [],
    config: normalizeConfig(structuredClone(call?.config ?? defaults)),
  }
}

export function toPayload(v: CallFormValues): CallPayload {
  return {
    code: v.code.trim().toUpperCase(),
    title: cleanTexts(v.title),
    summary: cleanTexts(v.summary),
    opensAtLocal: v.opensAtLocal,
    deadlineLocal: v.deadlineLocal,
    timeZone: v.timeZone,
    challengeIds: v.challengeIds,
    config: cleanConfig(v.config),
  }
}

/** The fields of `next` that differ from `base` (a PATCH sends only what changed). */
export function changedFields(base: CallPayload, next: CallPayload): Partial<CallPayload> {
  const out: Partial<CallPayload> = {}
  for (const key of Object.keys(next) as (keyof CallPayload)[])
    if (JSON.stringify(base[key]) !== JSON.stringify(next[key])) (out as Record<string, unknown>)[key] = next[key]
  return out
}

/** The smallest `prefix_n` not yet taken (ids of questions, sections, options, criteria). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`
}

export function allQuestions(config: CallConfig): FormQuestion[] {
  return config.form.sections.flatMap((s) => s.questions)
}
