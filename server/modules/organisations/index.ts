import type { Database } from '../../platform/db/client.ts'

export { mountProfilePages } from './http/public-pages.ts'
export { organisationRoutes } from './http/routes.ts'

/** Whether an organisation exists (routes about one answer 404 otherwise). */
export async function organisationExists(db: Database, id: string): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()
  return row !== undefined
}
