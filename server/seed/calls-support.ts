/** Shared pieces of the calls and applications seed: the command context at a chosen moment, local times. */
import { localToInstant } from '../../shared/calls/time.ts'
import { systemActor } from '../platform/authz/actor.ts'
import { FixedClock } from '../platform/clock.ts'
import type { Database } from '../platform/db/client.ts'
import type { CommandContext } from '../platform/http/route.ts'
import { createLogger } from '../platform/logger.ts'
import { createMailer } from '../platform/mail/mailer.ts'
import { securit } from './securit.ts'

export const TZ = securit.timeZone
const log = createLogger('silent')
// Seeded commands may write mail rows (e.g. an answered question): they stay in the development
// mailbox, never go out by SMTP, and address only demo people.
// The issuer named in the seeded receipts: the address the demo runs at (PUBLIC_URL, else the default).
const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')
const mailer = createMailer({ smtpUrl: undefined, from: 'Cascade seed <no-reply@cascade.localhost>' })

/** The instant a wall-clock time of the programme's zone stands for (the seed's data is valid: throws otherwise). */
export function at(local: string): Date {
  const r = localToInstant(local, TZ)
  if ('error' in r) throw new Error(`seed: ${local} does not exist in ${TZ}`)
  return r.instant
}

/**
 * A command context for the seed: the system actor (or another one), on `db`, whose clock stands at a
 * moment of the demo story (a FixedClock the caller moves).
 */
export function seedContext(
  db: Database,
  clock: FixedClock,
  actor: CommandContext['actor'] = systemActor,
): CommandContext {
  return { db, actor, clock, requestId: null, mailer, publicUrl, log }
}

export { FixedClock }
