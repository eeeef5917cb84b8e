export type RegistrationStatus = 'pending' | 'approved' | 'rejected' | 'waitlisted' | 'cancelled'

/** Registrations that hold a seat: waiting for a decision, or approved. */
export const SEAT_HOLDERS: readonly RegistrationStatus[] = ['pending', 'approved']

/** A new registration takes a seat while one is free, else joins the waiting list. */
export function statusOnRegister(seatsTaken: number, capacity: number): RegistrationStatus {
  return seatsTaken < capacity ? 'pending' : 'waitlisted'
}

/**
 * How many people to move from the waiting list (in order) after a seat was freed or the capacity
 * changed: as many as there are free seats. They become `pending`, for the organisers to approve.
 */
export function promotions(seatsTaken: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(waiting, capacity - seatsTaken))
}

/** Which decisions an organiser may take from a status. */
export function mayDecide(from: RegistrationStatus, to: 'approved' | 'rejected'): boolean {
  if (from === 'pending' || from === 'waitlisted') return true
  return (from === 'approved' && to === 'rejected') || (from === 'rejected' && to === 'approved')
}
