import { sql } from 'kysely'
import type { z } from 'zod'
import { semanticQuestion } from '../../../../shared/calls/form-checks.ts'
import { callPhase } from '../../../../shared/calls/time.ts'
import type { Answers, Application, applicationStart } from '../../../../shared/contracts/applications.ts'
import { callConfig } from '../../../../shared/contracts/calls.ts'
import { recordAudit } from '../../../platform/audit/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { inTransaction, type Tx } from '../../../platform/db/client.ts'
import { DomainError, fieldError } from '../../../platform/errors.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import type { AnswerMeta } from '../domain/answers.ts'
import { refusalMessage } from '../domain/gate.ts'
import { readApplication } from '../queries/application-view.ts'
import { LIVE_STATUSES } from '../queries/rows.ts'
import { actorName } from './actor-name.ts'

export type ApplicationStartInput = z.output<typeof applicationStart>

/** `APP-00042`: the next number of the platform-wide sequence. */
export async function nextApplicationReference(db: Tx): Promise<string> {
  const r = await sql<{ n: string }>`select nextval('application_reference_seq')::text as n`.execute(db)
  return `APP-${r.rows[0]!.n.padStart(5, '0')}`
}

/**
 * The references of the live applications (draft or submitted) of `callId` the organisation is in, as
 * lead or accepted partner. Its row is locked first, so two starts (or an acceptance and a start) for
 * the same organisation cannot both pass the one-application rule.
 */
export async function otherLiveApplications(tx: Tx, callId: string, organisationId: string): Promise<string[]> {
  await tx.selectFrom('organisations').select('id').where('id', '=', organisationId).forNoKeyUpdate().execute()
  const rows = await tx
    .selectFrom('application_partners as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select('a.reference')
    .where('p.organisation_id', '=', organisationId)
    .where('p.status', '=', 'accepted')
    .where('a.call_id', '=', callId)
    .where('a.status', 'in', [...LIVE_STATUSES])
    .execute()
  return rows.map((r) => r.reference)
}

/**
 * A member of the lead organisation starts an application to an open call (and one of its challenges).
 * The call must be open (`call_not_open`, `deadline_passed`); when it allows one application per
 * organisation, an organisation already in a live application of the call is refused
 * (`organisation_already_applied`, checked again at submission by the rules). The acronym and title go
 * into the questions that carry those meanings; `leadRole` (a consortium's lead role, when a consortium
 * becomes the application) starts the lead's part.
 */
export async function startApplication(
  ctx: CommandContext,
  input: ApplicationStartInput,
  opts: { leadRole?: string } = {},
): Promise<Application> {
  authorize(ctx.actor, 'application.manage')
  if (!(ctx.actor.kind === 'system' || ctx.actor.memberships.has(input.organisationId))) {
    throw new DomainError('forbidden', 'Start an application for an organisation you belong to.', {
      reason: 'not_a_member',
    })
  }
  const now = ctx.clock.now()
  const id = await inTransaction(ctx.db, async (tx) => {
    const call = await tx
      .selectFrom('calls')
      .select(['id', 'config', 'opens_at', 'closes_at', 'published_at', 'cancelled_at'])
      .where('id', '=', input.callId)
      .executeTakeFirst()
    if (!call || call.published_at === null) throw new DomainError('call_not_found')
    const phase = callPhase(
      {
        publishedAt: call.published_at,
        cancelledAt: call.cancelled_at,
        opensAt: call.opens_at,
        closesAt: call.closes_at,
      },
      now,
    )
    if (phase === 'closed') throw new DomainError('deadline_passed', refusalMessage.deadline_passed)
    if (phase !== 'open') throw new DomainError('call_not_open', refusalMessage.call_not_open)
    const config = callConfig.parse(call.config)
    if (input.challengeId !== null) {
      const inCall = await tx
        .selectFrom('challenge_calls')
        .select('challenge_id')
        .where('call_id', '=', call.id)
        .where('challenge_id', '=', input.challengeId)
        .executeTakeFirst()
      if (!inCall) throw fieldError('challengeId', 'challenge_not_in_call', 'This challenge is not in the call.')
    }
    const others = await otherLiveApplications(tx, call.id, input.organisationId)
    if (config.consortium.oneApplicationPerOrganisation && others.length > 0) {
      throw new DomainError(
        'organisation_already_applied',
        'This organisation is already in an application to this call, which allows one per organisation.',
        { applications: others },
      )
    }
    const by = await actorName(tx, ctx)
    const answers: Answers = {}
    const meta: AnswerMeta = {}
    for (const [semantic, value] of [
      ['acronym', input.acronym],
      ['title', input.title],
    ] as const) {
      const q = semanticQuestion(config.form, semantic)?.question
      if (q && value !== '') {
        answers[q.id] = value
        meta[q.id] = { version: 1, by, at: now.toISOString() }
      }
    }
    const app = await tx
      .insertInto('applications')
      .values({
        call_id: call.id,
        challenge_id: input.challengeId,
        reference: await nextApplicationReference(tx),
        lead_organisation_id: input.organisationId,
        acronym: input.acronym,
        title: input.title,
        answers: JSON.stringify(answers),
        answer_meta: JSON.stringify(meta),
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow()
    const user = ctx.actor.userId
      ? await tx.selectFrom('users').select(['name', 'email']).where('id', '=', ctx.actor.userId).executeTakeFirst()
      : undefined
    await tx
      .insertInto('application_partners')
      .values({
        application_id: app.id,
        organisation_id: input.organisationId,
        role: 'lead',
        status: 'accepted',
        invited_by: ctx.actor.userId,
        invited_at: now,
        responded_at: now,
        part: JSON.stringify({
          contactName: user?.name ?? '',
          contactEmail: user?.email ?? '',
          ...(opts.leadRole ? { role: opts.leadRole } : {}),
        }),
        position: 0,
      })
      .execute()
    await recordAudit(tx, ctx, {
      action: 'application.started',
      subjectType: 'application',
      subjectId: app.id,
      change: {
        reference: app.reference,
        callId: call.id,
        challengeId: input.challengeId,
        leadOrganisationId: input.organisationId,
        acronym: input.acronym,
        title: input.title,
      },
    })
    return app.id
  })
  return readApplication(ctx.db, ctx.actor, now, id)
}
