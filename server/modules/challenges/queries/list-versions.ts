import type { z } from 'zod'
import type { ChallengeContent, challengeVersions } from '../../../../shared/contracts/challenges.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { DomainError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'

/** Every saved version of a challenge, newest first (operators only). */
export async function listVersions(
  ctx: CommandContext,
  challengeId: string,
): Promise<z.input<typeof challengeVersions>> {
  authorize(ctx.actor, 'challenge.manage')
  const exists = await ctx.db.selectFrom('challenges').select('id').where('id', '=', challengeId).executeTakeFirst()
  if (!exists) throw new DomainError('not_found', 'No such challenge.')
  const rows = await ctx.db
    .selectFrom('challenge_versions')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('version', 'desc')
    .execute()
  return {
    items: rows.map((v) => ({
      version: v.version,
      title: v.title,
      summary: v.summary,
      content: v.content as ChallengeContent,
      trlMin: v.trl_min,
      trlMax: v.trl_max,
      domainId: v.domain_id,
      authorId: v.author_id,
      createdAt: new Date(v.created_at).toISOString(),
    })),
  }
}
