import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { TrustProxy } from '../config/app-config.js'
import type { DatabaseHandle } from '../db/open-database.js'
import { handleError } from './error-handler.js'
import { documentAccess, SECURITY_SCHEMES } from './openapi-access.js'
import { registerAuthentication } from './plugins/authentication.js'
import { FigureCache } from '../modules/figure-cache/figure-cache.js'
import { registerRequestDeadline } from './plugins/request-deadline.js'
import { registerRequestVersions } from './plugins/request-versions.js'
import { registerSecurityHeaders } from './plugins/security-headers.js'
import { registerWellFormedInput } from './plugins/well-formed-input.js'
import { registerHealthRoutes, type DemoSeeding } from './routes/health.js'
import { registerMetricsRoutes } from './routes/v1/metrics.routes.js'
import { registerAuthRoutes } from './routes/v1/auth.routes.js'
import { registerIndex766Routes } from './routes/v1/index766.routes.js'
import { registerIndicatorRoutes } from './routes/v1/indicators.routes.js'
import { registerOfficialRoutes } from './routes/v1/officials.routes.js'
import { registerOfficialRegistryRoutes } from './routes/v1/officials-registry.routes.js'
import { registerDocumentRoutes } from './routes/v1/documents.routes.js'
import { registerCalendarRoutes } from './routes/v1/calendar.routes.js'
import { registerTargetAndAuditRoutes } from './routes/v1/targets-audit.routes.js'
import { registerLetterRoutes } from './routes/v1/letters.routes.js'
import { registerUnitRoutes } from './routes/v1/units.routes.js'
import { registerFeedbackRoutes } from './routes/v1/feedback.routes.js'
import { registerProcedurePublicationRoutes } from './routes/v1/procedure-publication.routes.js'
import { registerWebConsole } from './routes/web-console.js'
import { registerHandOverRoutes } from './routes/v1/hand-over.routes.js'
import { registerTrackingBookRoutes } from './routes/v1/tracking-book.routes.js'
import { registerOfficialWorkloadRoutes } from './routes/v1/official-workload.routes.js'
import { registerDeskCounterRoutes } from './routes/v1/desk-counter.routes.js'
import { registerDataMonthsRoutes } from './routes/v1/data-months.routes.js'
import { dirname } from 'node:path'
import { loadSigningKey } from '../modules/signatures/signing-key.js'
import type { SignatureSetup } from '../modules/signatures/signature-setup.js'
import { registerPublicPortalRoutes } from './routes/v1/public-portal.routes.js'
import { randomBytes } from 'node:crypto'
import type { ConfiguredPayments } from '../modules/portal/payments/configured-gateway.js'
import { OidcLogin, type OidcSettings } from '../modules/portal/oidc-login.js'
import { registerPublicOidcRoutes } from './routes/v1/public-oidc.routes.js'
import { registerPublicPaymentRoutes } from './routes/v1/public-payments.routes.js'
import { registerSandboxPaymentRoutes } from './routes/sandbox-payment.routes.js'
import { registerDirectiveRoutes } from './routes/v1/directives.routes.js'
import { registerTaskRoutes } from './routes/v1/tasks.routes.js'
import { registerProcedureFormRoutes } from './routes/v1/procedure-forms.routes.js'
import './schemas.js'

export interface ServerOptions {
  logger?: boolean
  /** Proxies trusted for the client's address (X-Forwarded-For): none by default. */
  trustProxy?: TrustProxy
  /** Mark cookies Secure: set when the server is reached over HTTPS (behind a proxy). */
  secureCookies?: boolean
  /** Where uploaded scans and results are stored by content (default ./data/files). */
  filesDir?: string
  /** The built console (default web/dist). */
  webDist?: string
  /** How long a request may run before it is answered 503 (default 30 s). */
  requestDeadlineMs?: number
  /** Computed answers kept in memory (default 500). */
  figureCacheEntries?: number
  /** The public address printed on slips (MOTCUA_PUBLIC_BASE_URL); unset: the address each request came to. */
  publicBaseUrl?: string | undefined
  /** Trust anchors and the key sealing signing credentials (default: no anchors, the key in the data folder above filesDir). */
  signatures?: SignatureSetup
  /** The first start's demo seeding, when it runs in the background (/api/health says so). */
  demoSeeding?: () => DemoSeeding | null
  /** The citizens' portal: its public address (notices, QR codes) and the secret salting one-time codes. */
  portal?: PortalOptions
}

export interface PortalOptions {
  /** Default http://localhost:3000. */
  publicBaseUrl?: string
  /** Default: random at each start (codes sent before a restart no longer verify). */
  secret?: string
  /** Online payment (configuredPayments): a VNPay-style gateway, or the in-process sandbox; none = not offered. */
  payments?: ConfiguredPayments
  /** OpenID Connect login (VNeID or the province's provider); none = the phone's one-time code only. */
  oidc?: Omit<OidcSettings, 'redirectUri'>
  /** The public throttles' clock (tests move it); default the wall clock. */
  clock?: () => Date
}

/** Assembles the HTTP server: infrastructure, then routes. Tests use `inject()` on it. */
export async function buildServer(handle: DatabaseHandle, options: ServerOptions = {}): Promise<FastifyInstance> {
  const trust = options.trustProxy ?? false
  // A number of hops: the client is the address that many proxies before us (what Fastify does for a number).
  const trustProxy = typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust
  // A client has 30 s to send its request (slow senders do not hold sockets for ever).
  const app = Fastify({ logger: options.logger ?? false, trustProxy, requestTimeout: 30_000 })
  // PGlite computes one query at a time: two computations interleave short and long questions;
  // a server's pool (8) leaves room for the requests that are not computations.
  const figures = new FigureCache(options.figureCacheEntries, handle.kind === 'pglite' ? 2 : 6)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  registerSecurityHeaders(app)
  // gzip/brotli for JSON and the console's scripts (the dashboard's bundle is ~0,5 MB compressed, 3× that raw).
  await app.register(compress, { threshold: 1024 })
  await app.register(swagger, {
    openapi: {
      info: { title: 'motcua API', description: 'Bộ phận Một cửa và các chỉ số cải cách hành chính', version: '1.0.0' },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    ...documentAccess(),
  })
  registerRequestDeadline(app, options.requestDeadlineMs)
  registerRequestVersions(app, handle)
  await registerAuthentication(app, handle)
  registerWellFormedInput(app)
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu' })
  })
  registerHealthRoutes(app, handle, options.demoSeeding)
  registerMetricsRoutes(app, figures)
  registerAuthRoutes(app, handle, { secureCookies: options.secureCookies ?? false })
  registerUnitRoutes(app, handle)
  registerIndicatorRoutes(app, handle, figures)
  registerIndex766Routes(app, handle, figures)
  await import('./routes/v1/reports.routes.js').then((routes) => routes.registerReportRoutes(app, handle))
  registerOfficialRoutes(app, handle)
  registerOfficialRegistryRoutes(app, handle)
  const filesDir = options.filesDir ?? './data/files'
  const signatures = options.signatures ?? { anchors: [], sealingKey: loadSigningKey(dirname(filesDir), undefined) }
  const notices = { publicBaseUrl: options.portal?.publicBaseUrl ?? 'http://localhost:3000' }
  await import('./routes/v1/desk.routes.js').then((routes) => routes.registerDeskRoutes(app, handle, filesDir, signatures, notices))
  await import('./routes/v1/signatures.routes.js').then((routes) => routes.registerSignatureRoutes(app, handle, filesDir, signatures))
  registerCalendarRoutes(app, handle)
  registerTargetAndAuditRoutes(app, handle)
  registerLetterRoutes(app, handle)
  registerFeedbackRoutes(app, handle)
  registerProcedurePublicationRoutes(app, handle)
  registerHandOverRoutes(app, handle)
  registerTrackingBookRoutes(app, handle)
  registerOfficialWorkloadRoutes(app, handle)
  registerDeskCounterRoutes(app, handle, { publicBaseUrl: options.publicBaseUrl, filesDir: options.filesDir ?? './data/files' })
  registerDataMonthsRoutes(app, handle)
  registerDocumentRoutes(app, handle)
  registerPublicPortalRoutes(app, handle, {
    publicBaseUrl: options.portal?.publicBaseUrl ?? 'http://localhost:3000',
    secret: options.portal?.secret ?? randomBytes(32).toString('hex'),
    filesDir: options.filesDir ?? './data/files',
    ...(options.portal?.clock ? { clock: options.portal.clock } : {}),
  })
  registerPublicPaymentRoutes(app, handle, options.portal?.payments?.gateway ?? null, options.portal?.publicBaseUrl ?? 'http://localhost:3000')
  if (options.portal?.payments?.sandbox) registerSandboxPaymentRoutes(app, options.portal.payments.sandbox)
  const publicBaseUrl = (options.portal?.publicBaseUrl ?? 'http://localhost:3000').replace(/\/+$/, '')
  const oidc = options.portal?.oidc ? new OidcLogin({ ...options.portal.oidc, redirectUri: `${publicBaseUrl}/api/v1/public/oidc/callback` }) : null
  registerPublicOidcRoutes(app, handle, oidc, publicBaseUrl, (options.portal?.payments?.gateway ?? null) !== null)
  registerDirectiveRoutes(app, handle, options.filesDir ?? './data/files')
  registerTaskRoutes(app, handle, options.filesDir ?? './data/files')
  registerProcedureFormRoutes(app, handle, options.filesDir ?? './data/files')
  await registerWebConsole(app, options.webDist)
  return app
}
