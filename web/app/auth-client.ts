import { twoFactorClient } from 'better-auth/client/plugins'
import { createAuthClient } from 'better-auth/react'
import { ApiError, type FieldError } from './api.ts'

/**
 * Accounts (sign-up, sign-in, verification, reset, e-mail and password change, two-factor) go through
 * better-auth, mounted by the server at /api/auth. The wrappers below turn its `{ data, error }` answers
 * into values or ApiErrors, so that forms handle both APIs the same way.
 */
export const authClient = createAuthClient({
  basePath: '/api/auth',
  fetchOptions: { credentials: 'same-origin' },
  plugins: [twoFactorClient()],
})

interface AuthErrorLike {
  code?: string | undefined
  message?: string | undefined
  status: number
  statusText?: string
  [key: string]: unknown
}

function toApiError(error: AuthErrorLike): ApiError {
  const retry = typeof error.retryAfterSeconds === 'number' ? error.retryAfterSeconds : undefined
  const fieldErrors = Array.isArray(error.errors) ? (error.errors as FieldError[]) : []
  return new ApiError({
    status: error.status,
    code: error.code ?? (error.status === 429 ? 'rate_limited' : `http_${error.status}`),
    message: error.message ?? error.statusText ?? '',
    fieldErrors,
    retryAfterSeconds: retry,
  })
}

async function unwrap<T>(p: Promise<{ data: T | null; error: AuthErrorLike | null }>): Promise<T> {
  let result: { data: T | null; error: AuthErrorLike | null }
  try {
    result = await p
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network_error', message: (e as Error).message })
  }
  if (result.error) throw toApiError(result.error)
  return result.data as T
}

export const account = {
  signUp: (input: { name: string; email: string; password: string }) =>
    unwrap(authClient.signUp.email({ ...input, callbackURL: '/app/verified' })),
  signIn: (input: { email: string; password: string; rememberMe?: boolean }) =>
    unwrap(authClient.signIn.email(input)) as Promise<{ twoFactorRedirect?: boolean } & Record<string, unknown>>,
  signOut: () => unwrap(authClient.signOut()),
  sendVerificationEmail: (email: string) =>
    unwrap(authClient.sendVerificationEmail({ email, callbackURL: '/app/verified' })),
  requestPasswordReset: (email: string) =>
    unwrap(authClient.requestPasswordReset({ email, redirectTo: '/app/reset-password' })),
  resetPassword: (newPassword: string, token: string) => unwrap(authClient.resetPassword({ newPassword, token })),
  changeEmail: (newEmail: string) =>
    unwrap(authClient.changeEmail({ newEmail, callbackURL: '/app/profile?emailChanged=1' })),
  changePassword: (input: { currentPassword: string; newPassword: string; revokeOtherSessions?: boolean }) =>
    unwrap(authClient.changePassword(input)),
  enableTwoFactor: (password: string) =>
    unwrap(authClient.twoFactor.enable({ password })) as Promise<{ totpURI: string; backupCodes: string[] }>,
  verifyTotp: (code: string, trustDevice = false) => unwrap(authClient.twoFactor.verifyTotp({ code, trustDevice })),
  verifyBackupCode: (code: string) => unwrap(authClient.twoFactor.verifyBackupCode({ code })),
  disableTwoFactor: (password: string) => unwrap(authClient.twoFactor.disable({ password })),
}
