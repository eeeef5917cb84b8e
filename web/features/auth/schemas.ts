import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/account.ts'

/** Client-side rules of the account forms (better-auth checks them again, with the same limits). */
export const passwordRule = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'password_too_short')
  .max(PASSWORD_MAX_LENGTH, 'password_too_long')
export const emailRule = z.email().max(254)

export const signInSchema = z.object({ email: emailRule, password: z.string().min(1), rememberMe: z.boolean() })

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: emailRule,
    password: passwordRule,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwords_do_not_match' })

export const newPasswordSchema = z
  .object({ password: passwordRule, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwords_do_not_match' })

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1),
    password: passwordRule,
    confirmPassword: z.string(),
    revokeOtherSessions: z.boolean(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwords_do_not_match' })

export const emailOnlySchema = z.object({ email: emailRule })

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'invalid_totp_code'),
  trustDevice: z.boolean(),
})
export const backupCodeSchema = z.object({ code: z.string().trim().min(1) })
