/** Time comes from here, so tests can move it. */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

export class FixedClock implements Clock {
  #t: number
  constructor(start: Date | string = '2026-01-15T09:00:00Z') {
    this.#t = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#t)
  }
  advance(ms: number): void {
    this.#t += ms
  }
  set(t: Date | string): void {
    this.#t = new Date(t).getTime()
  }
}
