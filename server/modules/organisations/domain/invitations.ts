import { createHash } from 'node:crypto'

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked'

/** Invitations expire fourteen days after they are sent. */
export const INVITATION_TTL_MS = 14 * 86_400_000

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_MS)
}

/** Only the SHA-256 of an invitation token is stored; the token itself travels in the mail only. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface InvitationDates {
  acceptedAt: Date | string | null
  revokedAt: Date | string | null
  expiresAt: Date | string
}

/** Accepted and revoked are final; otherwise the expiry date decides. */
export function invitationStatus(inv: InvitationDates, now: Date): InvitationStatus {
  if (inv.revokedAt !== null) return 'revoked'
  if (inv.acceptedAt !== null) return 'accepted'
  return new Date(inv.expiresAt).getTime() <= now.getTime() ? 'expired' : 'pending'
}

export type AcceptanceError = 'invitation_used' | 'invitation_expired' | 'invitation_email_mismatch' | 'already_member'

/** Whether this person may accept the invitation now; the first failing rule wins. */
export function checkAcceptance(p: {
  status: InvitationStatus
  invitedEmail: string
  userEmail: string
  alreadyMember: boolean
}): { ok: true } | { ok: false; error: AcceptanceError } {
  if (p.status === 'accepted' || p.status === 'revoked') return { ok: false, error: 'invitation_used' }
  if (p.status === 'expired') return { ok: false, error: 'invitation_expired' }
  if (p.invitedEmail.trim().toLowerCase() !== p.userEmail.trim().toLowerCase()) {
    return { ok: false, error: 'invitation_email_mismatch' }
  }
  if (p.alreadyMember) return { ok: false, error: 'already_member' }
  return { ok: true }
}

/** Accepted or revoked invitations cannot be revoked (again); pending and expired ones can. */
export function canRevoke(status: InvitationStatus): boolean {
  return status === 'pending' || status === 'expired'
}
