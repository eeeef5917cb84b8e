import { type ErrorCode, errorCodes } from '../../shared/errors.ts'

export interface FieldError {
  path: string
  code: string
  message: string
}

/** Domain code throws this; the HTTP layer maps `code` to a status through shared/errors.ts. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown>
  readonly fieldErrors: FieldError[] | undefined
  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}, fieldErrors?: FieldError[]) {
    super(message ?? code)
    this.name = 'DomainError'
    this.code = code
    this.details = details
    this.fieldErrors = fieldErrors
  }
  get status(): number {
    return errorCodes[this.code]
  }
}

export function fieldError(path: string, code: string, message: string): DomainError {
  return new DomainError('validation_failed', message, {}, [{ path, code, message }])
}
