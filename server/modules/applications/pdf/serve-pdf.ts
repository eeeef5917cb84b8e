import type { FastifyReply, FastifyRequest } from 'fastify'
import { type CallConfig, callConfig } from '../../../../shared/contracts/calls.ts'
import type { Locale, LocalizedText } from '../../../../shared/contracts/common.ts'
import { isLocale, localeFromAcceptLanguage } from '../../../../shared/i18n/index.ts'
import { authorize } from '../../../platform/authz/policy.ts'
import { attachmentHeader } from '../../../platform/export/tabular.ts'
import type { CommandContext } from '../../../platform/http/route.ts'
import { receiptFilename } from '../domain/content.ts'
import { loadRevision } from '../queries/get-revision.ts'
import { configOf } from '../queries/rows.ts'
import type { ApplicationPdfInput } from './input.ts'
import { renderApplicationPdf } from './render.ts'

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/** The reader's language: `?lang=`, else the browser's Accept-Language, else English. */
export function pdfLocale(req: Pick<FastifyRequest, 'headers'>, lang: string | undefined): Locale {
  if (isLocale(lang)) return lang
  return localeFromAcceptLanguage(req.headers['accept-language']) ?? 'en'
}

/**
 * Everything the PDF of one revision needs: the revision (visibility checked by `loadRevision`: 404 to
 * outsiders), the call's form AT THE RECEIPT'S CALL VERSION (a later change of the form must not
 * change how an earlier submission reads), and the challenge titles.
 */
export async function loadPdfInput(
  ctx: CommandContext,
  applicationId: string,
  revision: number,
  locale: Locale,
): Promise<ApplicationPdfInput> {
  authorize(ctx.actor, 'application.view')
  const { row, revision: r } = await loadRevision(ctx.db, ctx, applicationId, revision)
  const callVersion = r.receipt.payload.callVersion
  const versioned = await ctx.db
    .selectFrom('call_versions')
    .select('config')
    .where('call_id', '=', row.call_id)
    .where('version', '=', callVersion)
    .executeTakeFirst()
  const config: CallConfig = versioned ? callConfig.parse(json(versioned.config)) : configOf(row)
  const challenges = await ctx.db
    .selectFrom('challenge_calls as cc')
    .innerJoin('challenges as ch', 'ch.id', 'cc.challenge_id')
    .select(['ch.id', 'ch.title', 'ch.language'])
    .where('cc.call_id', '=', row.call_id)
    .execute()
  return {
    call: {
      code: row.call_code,
      title: json<LocalizedText>(row.call_title),
      version: callVersion,
      timeZone: row.time_zone,
      form: config.form,
      challenges: challenges.map((c) => ({ id: c.id, title: { en: c.title, [c.language]: c.title } })),
    },
    content: r.content,
    receipt: r.receipt,
    locale,
    publicUrl: ctx.publicUrl,
  }
}

/** GET …/revisions/:revision/receipt.pdf: `receipt-APP-00042-r2.pdf`. */
export async function downloadApplicationPdf(
  ctx: CommandContext,
  applicationId: string,
  revision: number,
  locale: Locale,
  reply: FastifyReply,
): Promise<void> {
  const input = await loadPdfInput(ctx, applicationId, revision, locale)
  const pdf = await renderApplicationPdf(input)
  const p = input.receipt.payload
  await reply
    .code(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(receiptFilename(p.reference, p.revision, 'pdf')))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf))
}
