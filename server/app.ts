import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config/index.ts'
import { accountRoutes } from './modules/account/index.ts'
import { adminRoutes } from './modules/admin/index.ts'
import {
  applicationRoutes,
  dashboardRoutes,
  eligibilityOfApplication,
  pdfRoutes,
  registerApplicationJobs,
  screenCall,
  screeningRoutes,
  setEligibilityReader,
} from './modules/applications/index.ts'
import { type Auth, createActorResolver, createAuth, mountAuth } from './modules/auth/index.ts'
import { callRoutes, mountCallPages, onCallClosed, registerCallJobs } from './modules/calls/index.ts'
import { challengeRoutes, mountCataloguePages } from './modules/challenges/index.ts'
import {
  assignmentRoutes,
  conflictRoutes,
  consensusRoutes,
  decisionRoutes,
  expertRoutes,
  rankingRoutes,
  registerEvaluationJobs,
  scoringRoutes,
  selectionRoutes,
} from './modules/evaluation/index.ts'
import { brokerageRoutes, registerBrokerageJobs } from './modules/matchmaking/brokerage/index.ts'
import { consortiumRoutes } from './modules/matchmaking/consortia/index.ts'
import { partneringRoutes } from './modules/matchmaking/partnering/index.ts'
import { recommendationRoutes } from './modules/matchmaking/recommend/index.ts'
import { notificationRoutes } from './modules/notifications/index.ts'
import { mountProfilePages, organisationExists, organisationRoutes } from './modules/organisations/index.ts'
import { mountPublicPages, programmeRoutes } from './modules/programmes/index.ts'
import { catalogueRoutes } from './modules/solutions/http/catalogue-routes.ts'
import { mountSolutionPages } from './modules/solutions/http/public-pages.ts'
import { solutionRoutes } from './modules/solutions/index.ts'
import { useCaseRoutes } from './modules/use-cases/index.ts'
import { registerWorkshopJobs, workshopRoutes } from './modules/workshops/index.ts'
import { AuditSealer } from './platform/audit/seal.ts'
import { type Clock, systemClock } from './platform/clock.ts'
import type { DatabaseHandle } from './platform/db/client.ts'
import { trackInFlight } from './platform/http/in-flight.ts'
import type { AnyRoute } from './platform/http/route.ts'
import { createHttpServer } from './platform/http/server.ts'
import { serveSpa } from './platform/http/spa.ts'
import { JobWorker } from './platform/jobs/queue.ts'
import { createLogger, type Logger } from './platform/logger.ts'
import { createMailer, type Mailer, registerMailDelivery } from './platform/mail/mailer.ts'
import { configureSigning } from './platform/signing/index.ts'
import type { PageRenderer } from './platform/ssr/types.ts'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Every module's routes; a new module adds its list here. */
export const allRoutes: AnyRoute[] = [
  ...programmeRoutes,
  ...accountRoutes,
  ...organisationRoutes,
  ...adminRoutes,
  ...challengeRoutes,
  ...useCaseRoutes,
  ...workshopRoutes,
  ...solutionRoutes,
  ...catalogueRoutes,
  ...notificationRoutes,
  ...callRoutes,
  ...applicationRoutes,
  ...pdfRoutes,
  ...screeningRoutes,
  ...dashboardRoutes,
  ...partneringRoutes,
  ...brokerageRoutes,
  ...recommendationRoutes,
  ...consortiumRoutes,
  ...expertRoutes,
  ...conflictRoutes,
  ...assignmentRoutes,
  ...scoringRoutes,
  ...consensusRoutes,
  ...rankingRoutes,
  ...selectionRoutes,
  ...decisionRoutes,
]

export interface AppOptions {
  config: Config
  database: DatabaseHandle
  clock?: Clock
  log?: Logger
  /** Server-side renderer of public pages; by default loaded from the build in dist/. */
  renderer?: PageRenderer | null
}

export interface App {
  http: FastifyInstance
  worker: JobWorker
  /** Chains committed audit events shortly after commit (started with the worker by server/main.ts). */
  sealer: AuditSealer
  auth: Auth
  mailer: Mailer
  clock: Clock
  log: Logger
  /** Stops taking requests, finishes the ones under way and the running jobs, closes the database. */
  close(): Promise<void>
}

async function loadRenderer(log: Logger): Promise<PageRenderer | null> {
  const built = `${ROOT}dist/ssr`
  if (!existsSync(built)) {
    log.warn('public pages not built: run `npm run build` (npm start does it for you)')
    return null
  }
  const { createRenderer } = await import('./platform/ssr/index.ts')
  return createRenderer({ root: ROOT, watch: true })
}

/** The composition root: configuration → database → accounts → HTTP → jobs. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, database } = opts
  const db = database.db
  const clock = opts.clock ?? systemClock
  const log = opts.log ?? createLogger(config.logLevel)
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom })
  const auth = createAuth({
    db,
    mailer,
    log,
    secret: config.authSecret,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    rateLimit: config.env === 'production',
  })
  configureSigning(db, { authSecret: config.authSecret, privateKey: config.receiptSigningKey })
  // Requests under way (counted once the HTTP server exists): background jobs wait while there are.
  let inFlight = () => 0
  const worker = new JobWorker(db, log, clock, { busy: () => inFlight() > 0 })
  const sealer = new AuditSealer(db, log)
  registerMailDelivery(worker, { smtpUrl: config.smtpUrl, from: config.mailFrom })
  registerWorkshopJobs(worker, { mailer, publicUrl: config.publicUrl, clock })
  registerBrokerageJobs(worker, { mailer, publicUrl: config.publicUrl, clock })
  registerCallJobs(worker, { clock })
  registerEvaluationJobs(worker, { mailer, publicUrl: config.publicUrl, clock })
  registerApplicationJobs(worker, { mailer, publicUrl: config.publicUrl, log, clock })
  // Screening at the deadline, and the eligibility shown in an application (applications module).
  onCallClosed(screenCall)
  setEligibilityReader(eligibilityOfApplication)
  const renderer = opts.renderer === undefined ? await loadRenderer(log) : opts.renderer

  const http = await createHttpServer({
    db,
    clock,
    mailer,
    log,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    resolveActor: createActorResolver({ db, auth, clock }),
    subjectExists: { organisation: organisationExists },
    routes: allRoutes,
    extend: async (app) => {
      await mountAuth(app, { auth, db, clock, publicUrl: config.publicUrl })
      if (renderer) await mountPublicPages(app, { db, clock, renderer, publicUrl: config.publicUrl })
      if (renderer) await mountCataloguePages(app, { db, clock, renderer, publicUrl: config.publicUrl })
      if (renderer) await mountProfilePages(app, { db, clock, renderer, publicUrl: config.publicUrl })
      if (renderer) await mountSolutionPages(app, { db, clock, renderer, publicUrl: config.publicUrl })
      if (renderer) await mountCallPages(app, { db, clock, renderer, publicUrl: config.publicUrl })
      await serveSpa(app, `${ROOT}dist/client`)
    },
  })

  inFlight = trackInFlight(http.server)

  return {
    http,
    worker,
    sealer,
    auth,
    mailer,
    clock,
    log,
    async close() {
      await http.close()
      await worker.stop()
      await sealer.stop()
      await database.close()
    },
  }
}
