import { randomBytes } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import type { Database } from '../../server/platform/db/client.ts'
import { seedId } from '../../server/seed/ids.ts'
import type { OrganisationRole, ProgrammeRole } from '../../shared/authz.ts'

export const PASSWORD = 'correct-horse-battery'
let passwordHash: Promise<string> | undefined

export interface UserTraits {
  name?: string
  email?: string
  verified?: boolean
  programmeRole?: ProgrammeRole
  /** Seed key of a partner cluster (e.g. 'hsd'), for cluster staff. */
  cluster?: string
  twoFactorEnabled?: boolean
  disabled?: boolean
}

export interface TestUser {
  id: string
  email: string
  name: string
  password: string
}

let counter = 0

/** A person with a password (PASSWORD) and the roles its traits ask for. */
export async function createUser(db: Database, programmeId: string, traits: UserTraits = {}): Promise<TestUser> {
  counter++
  const email = traits.email ?? `user${counter}-${randomBytes(3).toString('hex')}@example.test`
  const name = traits.name ?? `Test User ${counter}`
  passwordHash ??= hashPassword(PASSWORD)
  const user = await db
    .insertInto('users')
    .values({
      name,
      email,
      email_verified: traits.verified ?? true,
      two_factor_enabled: traits.twoFactorEnabled ?? false,
      disabled_at: traits.disabled ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('accounts')
    .values({ user_id: user.id, account_id: user.id, provider_id: 'credential', password: await passwordHash })
    .execute()
  if (traits.programmeRole) {
    await db
      .insertInto('programme_roles')
      .values({
        programme_id: programmeId,
        user_id: user.id,
        role: traits.programmeRole,
        cluster_id:
          traits.programmeRole === 'cluster_staff' ? seedId(`cluster:securit:${traits.cluster ?? 'hsd'}`) : null,
      })
      .execute()
  }
  return { id: user.id, email, name, password: PASSWORD }
}

export interface OrganisationTraits {
  legalName?: string
  country?: string
  type?: string
  members?: { user: TestUser; role: OrganisationRole }[]
}

export async function createOrganisation(
  db: Database,
  traits: OrganisationTraits = {},
): Promise<{ id: string; legalName: string }> {
  counter++
  const legalName = traits.legalName ?? `Test Organisation ${counter}`
  const org = await db
    .insertInto('organisations')
    .values({ legal_name: legalName, country: traits.country ?? 'BE', type: traits.type ?? 'sme' })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const m of traits.members ?? []) {
    await db.insertInto('memberships').values({ organisation_id: org.id, user_id: m.user.id, role: m.role }).execute()
  }
  return { id: org.id, legalName }
}
