import { randomBytes } from 'node:crypto'
import { hashInvitationToken } from '../../server/modules/organisations/domain/invitations.ts'
import type { Database } from '../../server/platform/db/client.ts'
import type { TestApp, TestClient } from '../support/app.ts'
import { createOrganisation, createUser, type OrganisationTraits, type TestUser } from './users.ts'

export interface Team {
  org: { id: string; legalName: string }
  owner: TestUser
  admin: TestUser
  member: TestUser
}

/** An organisation with one owner, one admin and one member. */
export async function createTeam(db: Database, programmeId: string, traits: OrganisationTraits = {}): Promise<Team> {
  const owner = await createUser(db, programmeId, { name: 'Olivia Owner' })
  const admin = await createUser(db, programmeId, { name: 'Adam Admin' })
  const member = await createUser(db, programmeId, { name: 'Mia Member' })
  const org = await createOrganisation(db, {
    ...traits,
    members: [
      { user: owner, role: 'owner' },
      { user: admin, role: 'admin' },
      { user: member, role: 'member' },
      ...(traits.members ?? []),
    ],
  })
  return { org, owner, admin, member }
}

/** A client signed in as `user`. */
export async function signedIn(t: TestApp, user: TestUser): Promise<TestClient> {
  const c = t.client()
  await c.signIn(user.email, user.password)
  return c
}

/** A pending invitation written straight to the database; returns its token. */
export async function createInvitation(
  db: Database,
  traits: { organisationId: string; email: string; role?: 'admin' | 'member'; expiresAt?: Date },
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url')
  const row = await db
    .insertInto('invitations')
    .values({
      organisation_id: traits.organisationId,
      email: traits.email.toLowerCase(),
      role: traits.role ?? 'member',
      token_hash: hashInvitationToken(token),
      expires_at: traits.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, token }
}

/** The audit events of one action on one subject, oldest first. */
export function auditEvents(db: Database, action: string, subjectId: string) {
  return db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'subject_type', 'subject_id', 'change'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute()
}
