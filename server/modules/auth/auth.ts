import { betterAuth } from 'better-auth'
import { twoFactor } from 'better-auth/plugins/two-factor'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/account.ts'
import { appendAudit } from '../../platform/audit/append.ts'
import { systemActor } from '../../platform/authz/actor.ts'
import type { Database } from '../../platform/db/client.ts'
import { inTransaction } from '../../platform/db/client.ts'
import { asLocale, translate } from '../../platform/i18n/index.ts'
import type { Logger } from '../../platform/logger.ts'
import type { Mailer } from '../../platform/mail/mailer.ts'

export interface AuthDeps {
  db: Database
  mailer: Mailer
  log: Logger
  secret: string
  publicUrl: string
  trustProxy: boolean
  /** better-auth's own request limiter (sign-up, reset…); sign-in is throttled by Cascade itself. */
  rateLimit: boolean
}

/** better-auth's camelCase fields, stored in snake_case columns. */
const snake = (...fields: string[]) =>
  Object.fromEntries(fields.map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]))

/**
 * Accounts, sessions and two-factor sign-in come from better-auth, on the same Kysely instance and
 * tables as the rest of Cascade. Passwords are hashed by the library (scrypt); sessions live in the
 * `sessions` table behind an httpOnly, SameSite=Lax cookie (Secure behind HTTPS).
 */
export function createAuth(deps: AuthDeps) {
  const secure = deps.publicUrl.startsWith('https://')
  const mail = async (to: string, locale: unknown, template: string, vars: Record<string, string>) => {
    const l = asLocale(locale)
    await deps.mailer.send(deps.db, {
      to,
      template,
      subject: translate(l, `email.${template}.subject`, vars),
      text: translate(l, `email.${template}.body`, vars),
    })
  }
  const audit = (action: string, subjectId: string, label: string, change: unknown) =>
    inTransaction(deps.db, (tx) =>
      appendAudit(
        tx,
        { actor: { ...systemActor, kind: 'user', userId: subjectId, label }, requestId: null, now: new Date() },
        { action, subjectType: 'user', subjectId, change },
      ),
    )

  return betterAuth({
    appName: 'Cascade',
    secret: deps.secret,
    baseURL: deps.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: [new URL(deps.publicUrl).origin],
    database: { db: deps.db, type: 'postgres', transaction: true },
    user: {
      modelName: 'users',
      fields: snake('emailVerified', 'createdAt', 'updatedAt'),
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'en', input: true },
        disabledAt: { type: 'date', required: false, input: false, fieldName: 'disabled_at' },
      },
      changeEmail: { enabled: true },
    },
    session: {
      modelName: 'sessions',
      fields: snake('expiresAt', 'createdAt', 'updatedAt', 'ipAddress', 'userAgent', 'userId'),
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    account: {
      modelName: 'accounts',
      fields: snake(
        'accountId',
        'providerId',
        'userId',
        'accessToken',
        'refreshToken',
        'idToken',
        'accessTokenExpiresAt',
        'refreshTokenExpiresAt',
        'createdAt',
        'updatedAt',
      ),
    },
    verification: { modelName: 'verifications', fields: snake('expiresAt', 'createdAt', 'updatedAt') },
    rateLimit: {
      enabled: deps.rateLimit,
      storage: 'database',
      modelName: 'rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await mail(user.email, (user as { locale?: string }).locale, 'reset', { name: user.name, url })
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) => {
        await mail(user.email, (user as { locale?: string }).locale, 'verify', { name: user.name, url })
      },
    },
    advanced: {
      cookiePrefix: 'cascade',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: 'uuid' },
      ipAddress: deps.trustProxy
        ? { ipAddressHeaders: ['x-forwarded-for'] }
        : { ipAddressHeaders: ['x-cascade-client-ip'] },
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await audit('user.signed_up', user.id, user.email, { name: user.name, email: user.email })
          },
        },
        update: {
          after: async (user) => {
            await audit('user.updated', user.id, user.email, { email: user.email, emailVerified: user.emailVerified })
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const u = await deps.db
              .selectFrom('users')
              .select(['disabled_at', 'email'])
              .where('id', '=', session.userId)
              .executeTakeFirst()
            if (!u || u.disabled_at) return false
          },
          after: async (session) => {
            const u = await deps.db
              .selectFrom('users')
              .select('email')
              .where('id', '=', session.userId)
              .executeTakeFirst()
            await audit('user.signed_in', session.userId, u?.email ?? session.userId, {
              ipAddress: session.ipAddress ?? null,
            })
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: 'Cascade',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'two_factors',
            fields: snake('backupCodes', 'userId', 'failedVerificationCount', 'lockedUntil'),
          },
        },
      }),
    ],
    telemetry: { enabled: false },
    logger: {
      log: (level, message, ...args) => {
        deps.log[level]({ args }, `[auth] ${message}`)
      },
    },
  })
}

export type Auth = ReturnType<typeof createAuth>
