import { createHash } from 'node:crypto'

/** A stable UUID for a seeded record, so seeding twice updates instead of duplicating. */
export function seedId(key: string): string {
  const h = createHash('sha256').update(`cascade-seed:${key}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}
