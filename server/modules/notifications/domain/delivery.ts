import type { Locale } from '../../../../shared/contracts/common.ts'

/** Someone an event is about to reach: a person with an account, or only an e-mail address. */
export interface Recipient {
  userId: string | null
  email: string
  name: string | null
  locale: Locale
}

export interface KnownUser {
  id: string
  email: string
  name: string
  locale: Locale
  disabled: boolean
}

export interface Delivery extends Recipient {
  /** An in-app notification (every recipient with an account). */
  inApp: boolean
  /** An e-mail (unless the person switched this kind off). */
  mail: boolean
}

/**
 * Who gets what for one event. Users named by id and addresses are merged (an address that belongs to
 * an account is that person); each person once; the actor never; disabled accounts nothing; a person
 * who switched e-mail off for this kind still gets the in-app notification; an address without an
 * account gets only the e-mail, in the default language. Ordered by e-mail address, for stable output.
 */
export function planDelivery(input: {
  userIds: readonly string[]
  emails: readonly string[]
  users: readonly KnownUser[]
  actorId: string | null
  mailMuted: ReadonlySet<string>
}): Delivery[] {
  const byId = new Map(input.users.map((u) => [u.id, u]))
  const byEmail = new Map(input.users.map((u) => [u.email.toLowerCase(), u]))
  const out = new Map<string, Delivery>()
  const addUser = (u: KnownUser) => {
    if (u.id === input.actorId || u.disabled) return
    out.set(`user:${u.id}`, {
      userId: u.id,
      email: u.email.toLowerCase(),
      name: u.name,
      locale: u.locale,
      inApp: true,
      mail: !input.mailMuted.has(u.id),
    })
  }
  for (const id of input.userIds) {
    const u = byId.get(id)
    if (u) addUser(u)
  }
  for (const raw of input.emails) {
    const email = raw.trim().toLowerCase()
    if (!email) continue
    const u = byEmail.get(email)
    if (u) addUser(u)
    else out.set(`email:${email}`, { userId: null, email, name: null, locale: 'en', inApp: false, mail: true })
  }
  return [...out.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
}
