import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { type ReactNode, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { isApiError } from '../app/api.ts'

type FormErrors = Record<string, ReactNode>

/**
 * Validation and error display shared by every form. Client-side rules come from the same zod contract the
 * server validates with; both sides speak in codes (`too_small`, `invalid_url`, …), translated through
 * `validation.<code>`, so a message reads the same whether the browser or the server found the problem.
 */

interface IssueLike {
  code: string
  message?: string
  minimum?: unknown
  maximum?: unknown
  origin?: string
  format?: string
  input?: unknown
}

/** Maps one zod issue (or one server `errors[]` entry) to a validation code and its parameters. */
export function issueCode(issue: IssueLike): { code: string; params: Record<string, unknown> } {
  // A custom message that is itself a code (`invalid_url`, `passwords_do_not_match`) wins.
  if (issue.message && /^[a-z][a-z0-9_]*$/.test(issue.message)) return { code: issue.message, params: {} }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required', params: {} }
      if (issue.origin === 'array' && Number(issue.minimum) === 1) return { code: 'select_one', params: {} }
      if (issue.minimum !== undefined)
        return { code: issue.origin === 'string' ? 'too_short' : 'too_small_min', params: { minimum: issue.minimum } }
      return { code: 'too_small', params: {} }
    case 'too_big':
      if (issue.maximum !== undefined)
        return { code: issue.origin === 'string' ? 'too_long' : 'too_big_max', params: { maximum: issue.maximum } }
      return { code: 'too_big', params: {} }
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'invalid_email' : 'invalid_format', params: {} }
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'invalid_type', params: {} }
    case 'invalid_value':
      return {
        code: issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid_value',
        params: {},
      }
    default:
      return { code: issue.code, params: {} }
  }
}

export function translateValidation(t: TFunction, exists: (key: string) => boolean, issue: IssueLike): string {
  const { code, params } = issueCode(issue)
  if (exists(`validation.${code}`)) return t(`validation.${code}`, params)
  if (exists(`errors.${code}`)) return t(`errors.${code}`, params)
  return t('validation.invalid')
}

/** A Mantine form `validate` function from a zod schema, with translated messages. */
export function useZodValidate<S extends z.ZodType>(schema: S) {
  const { t, i18n } = useTranslation()
  return useCallback(
    (values: unknown): FormErrors => {
      const result = schema.safeParse(values)
      if (result.success) return {}
      const errors: FormErrors = {}
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.')
        if (errors[path]) continue
        errors[path] = translateValidation(t, (k) => i18n.exists(k), issue as unknown as IssueLike)
      }
      return errors
    },
    [schema, t, i18n],
  )
}

/** Translates any error (ApiError, network failure, unknown) into one sentence for the user. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (error: unknown): string => {
      if (isApiError(error)) {
        const params: Record<string, unknown> = {}
        if (error.retryAfterSeconds !== undefined) params.minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
        if (error.code === 'sign_in_throttled' && error.retryAfterSeconds === undefined)
          return t('errors.sign_in_throttled_unknown')
        if (error.reason && i18n.exists(`reasons.${error.reason}`) && error.code === 'forbidden')
          return `${t('errors.forbidden')} ${t(`reasons.${error.reason}`)}`
        if (i18n.exists(`errors.${error.code}`)) return t(`errors.${error.code}`, params)
        if (i18n.exists(`authErrors.${error.code}`)) return t(`authErrors.${error.code}`, params)
        if (error.status === 429) return t('errors.rate_limited')
        if (error.status >= 500) return t('errors.internal_error')
        return error.message || t('errors.unknown')
      }
      return t('errors.unknown')
    },
    [t, i18n],
  )
}

/**
 * Puts the server's per-field errors next to their fields. Returns true when every field error found a
 * field; otherwise the caller shows the whole error above the form too.
 */
interface FormLike {
  getValues: () => unknown
  setErrors: (errors: FormErrors) => void
}

export function applyServerErrors(
  form: FormLike,
  error: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false
  const errors: FormErrors = {}
  const values = form.getValues() as Record<string, unknown>
  let unmatched = false
  for (const fe of error.fieldErrors) {
    const top = fe.path.split('.')[0] ?? ''
    if (!(top in values)) unmatched = true
    errors[fe.path] ??= translateValidation(t, exists, { code: fe.code, message: fe.code })
  }
  form.setErrors(errors)
  return !unmatched
}

/** A hook version of applyServerErrors bound to the active language. */
export function useServerErrors() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (form: FormLike, error: unknown) => applyServerErrors(form, error, t, (k) => i18n.exists(k)),
    [t, i18n],
  )
}

/** The translated error of a failed request, as an alert that screen readers announce. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage()
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title ?? t('common.error')}
      role="alert"
    >
      {message(error)}
    </Alert>
  )
}
