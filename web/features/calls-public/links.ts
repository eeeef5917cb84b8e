export const callsHref = '/calls'

/** The public page of a call. */
export function callHref(code: string): string {
  return `/calls/${encodeURIComponent(code)}`
}

/** The list of calls, filtered on a phase or not. */
export function callsPhaseHref(phase: string | null): string {
  return phase ? `/calls?phase=${encodeURIComponent(phase)}` : callsHref
}
