import type { Tx } from '../../../platform/db/client.ts'
import { DomainError } from '../../../platform/errors.ts'

function taken(): DomainError {
  const message = 'An organisation with this registration number is already registered in this country.'
  return new DomainError('registration_number_taken', message, {}, [
    { path: 'registrationNumber', code: 'registration_number_taken', message },
  ])
}

/** One legal entity, one record: (country, registration number) is unique, case-insensitively. */
export async function assertRegistrationNumberFree(
  tx: Tx,
  country: string,
  registrationNumber: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!registrationNumber) return
  let q = tx
    .selectFrom('organisations')
    .select('id')
    .where('country', '=', country)
    .where((eb) => eb(eb.fn('lower', ['registration_number']), '=', registrationNumber.toLowerCase()))
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw taken()
}

/** A concurrent insert can still hit the unique index: report it the same way. */
export function asRegistrationConflict(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string; message?: string }
  const index = 'organisations_registration_idx'
  if (e?.code === '23505' && (e.constraint === index || e.message?.includes(index))) return taken()
  return err
}
