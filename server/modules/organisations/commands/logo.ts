import type { z } from 'zod'
import type { ApplicantProfile, logoInput } from '../../../../shared/contracts/profiles.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { storeFile } from '../../../platform/files/index.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { readApplicantProfile } from '../queries/applicant-profile.ts'
import { lockOrganisation } from './guard.ts'

export type LogoValues = z.output<typeof logoInput>

async function dropFile(tx: Tx, fileId: string | null) {
  if (fileId) await tx.deleteFrom('files').where('id', '=', fileId).execute()
}

/**
 * Stores a new logo (PNG, JPEG or WebP up to 1 MB; the type is read from the bytes) and deletes the
 * old one. Errors name the field `logo`.
 */
export async function setLogo(
  ctx: CommandContext,
  organisationId: string,
  input: LogoValues,
): Promise<ApplicantProfile> {
  const data = Buffer.from(input.data, 'base64')
  return inTransaction(ctx.db, async (tx) => {
    const locked = await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.update')
    const old = await tx
      .selectFrom('organisations')
      .select('logo_file_id')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    const file = await storeFile(tx, {
      kind: 'logo',
      field: 'logo',
      filename: input.filename,
      data,
      organisationId,
      createdBy: ctx.actor.userId,
    })
    const now = ctx.clock.now()
    await tx
      .updateTable('organisations')
      .set({ logo_file_id: file.id, updated_at: now })
      .where('id', '=', organisationId)
      .execute()
    await dropFile(tx, old.logo_file_id)
    await recordAudit(tx, ctx, {
      action: 'organisation.logo_changed',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { filename: file.filename, contentType: file.contentType, byteSize: file.byteSize, sha256: file.sha256 },
    })
    return readApplicantProfile(tx, locked.actor, organisationId)
  })
}

/** Removes the logo (the stored file goes with it). Removing no logo changes nothing and is not audited. */
export async function removeLogo(ctx: CommandContext, organisationId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await lockOrganisation(tx, ctx.actor, organisationId, 'organisation.update')
    const old = await tx
      .selectFrom('organisations')
      .select('logo_file_id')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    if (!old.logo_file_id) return
    await tx
      .updateTable('organisations')
      .set({ logo_file_id: null, updated_at: ctx.clock.now() })
      .where('id', '=', organisationId)
      .execute()
    await dropFile(tx, old.logo_file_id)
    await recordAudit(tx, ctx, {
      action: 'organisation.logo_removed',
      subjectType: 'organisation',
      subjectId: organisationId,
      change: { fileId: old.logo_file_id },
    })
  })
}
