import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OtpSent, PortalSession, PublicProcedure, PublicProcedureDetails, SubmittedDossier, TrackedDossier } from '../../../contracts/portal.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { RATINGS, type Rating } from '../../../domain/dossiers/dossier-status.js'
import { PORTAL_BODY_LIMIT } from '../../../domain/portal/upload-limits.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { requestOneTimeCode, verifyOneTimeCode } from '../../../modules/portal/one-time-codes.js'
import { feedbackFromPortal } from '../../../modules/portal/portal-feedback.js'
import { portalIdentityOf, type PortalIdentity } from '../../../modules/portal/portal-sessions.js'
import { publicProcedure, searchPublicCatalogue } from '../../../modules/portal/public-catalogue.js'
import { rateDossier } from '../../../modules/portal/rate-dossier.js'
import { submitOnline } from '../../../modules/portal/submit-online.js'
import { supplementOnline } from '../../../modules/portal/supplement-online.js'
import { trackDossier } from '../../../modules/portal/track-dossier.js'
import { isAppError } from '../../../domain/shared/app-error.js'
import { PublicThrottle } from '../../plugins/public-throttle.js'
import { DossierCode, ErrorBody, PlainText, ProcedureCode, UnitCode } from '../../schemas.js'
import { Base64Content, ScanFileName } from '../../upload.schemas.js'

/** What the public routes need from the server's configuration. */
export interface PortalRouteSettings {
  publicBaseUrl: string
  /** Salts the one-time codes' hashes. */
  secret: string
  filesDir: string
  /** The throttles' clock (tests move it; default the wall clock). */
  clock?: () => Date
}

export const PORTAL_SESSION_HEADER = 'x-portal-session'

const open = { access: { public: true as const } }
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }
const Phone = z.string().max(20).regex(/^[0-9+ .-]+$/, 'Số điện thoại chỉ gồm chữ số')
const QueryText = z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển').default('')
const ComponentUpload = z.object({
  position: z.number().int().min(1).max(200),
  file_name: ScanFileName,
  content_base64: Base64Content,
})

/**
 * /api/v1/public/…: the citizens' portal, without an official's session. Every route is public
 * and throttled per client address; tracking needs the code and the phone; acting on a dossier
 * (submitting, rating, feedback) needs a portal session from a one-time code or an OIDC login.
 */
export function registerPublicPortalRoutes(app: FastifyInstance, handle: DatabaseHandle, settings: PortalRouteSettings): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(settings.filesDir)
  // Any public request: 120 a minute per address. Failed tracking (wrong code or phone) and
  // one-time-code requests: 10 in 15 minutes — enough for typing mistakes, too few for guessing.
  // Counted in the database: every server process on it shares the allowance.
  const requests = new PublicThrottle(db, 'public', 120, 60_000, settings.clock)
  const guesses = new PublicThrottle(db, 'guess', 10, 15 * 60_000, settings.clock)
  const notices = { publicBaseUrl: settings.publicBaseUrl }

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/v1/public/')) await requests.take(request.ip)
  })
  const identity = (request: FastifyRequest) => {
    const token = request.headers[PORTAL_SESSION_HEADER]
    return portalIdentityOf(db, typeof token === 'string' ? token : undefined)
  }
  // The portal session of a request acting on a dossier is resolved in onRequest, before the body
  // is read: a caller without one gets 401 without the server reading or parsing an upload.
  const sessions = new WeakMap<FastifyRequest, PortalIdentity>()
  const sessionFirst = async (request: FastifyRequest) => {
    sessions.set(request, await identity(request))
  }
  const sessionOf = (request: FastifyRequest) => sessions.get(request) ?? identity(request)

  api.get('/api/v1/public/procedures', {
    config: open,
    schema: { summary: 'Danh mục thủ tục hành chính công khai (tìm không dấu được)', tags: ['Cổng dịch vụ công'], querystring: z.object({ q: QueryText }), response: { 200: z.array(PublicProcedure), ...errors } },
    handler: async (request) => searchPublicCatalogue(db, request.query.q),
  })

  api.get('/api/v1/public/procedures/:code', {
    config: open,
    schema: { summary: 'Một thủ tục: thành phần hồ sơ, phí, thời hạn, nơi giải quyết', tags: ['Cổng dịch vụ công'], params: z.object({ code: ProcedureCode }), response: { 200: PublicProcedureDetails, ...errors } },
    handler: async (request) => publicProcedure(db, request.params.code),
  })

  api.post('/api/v1/public/otp', {
    config: open,
    schema: { summary: 'Gửi mã xác thực (OTP) qua SMS tới số điện thoại', tags: ['Cổng dịch vụ công'], body: z.object({ phone: Phone }), response: { 200: OtpSent, ...errors } },
    handler: async (request) => {
      await guesses.take(`otp:${request.ip}`)
      const sent = await requestOneTimeCode(db, request.body.phone, settings.secret)
      return { expires_at: sent.expiresAt.toISOString() }
    },
  })

  api.post('/api/v1/public/otp/verify', {
    config: open,
    schema: {
      summary: 'Xác thực mã OTP: mở phiên làm việc trên cổng (2 giờ)',
      tags: ['Cổng dịch vụ công'],
      body: z.object({ phone: Phone, code: z.string().regex(/^[0-9]{6}$/, 'Mã OTP gồm 6 chữ số') }),
      response: { 200: PortalSession, ...errors },
    },
    handler: async (request) => {
      await guesses.check(`verify:${request.ip}`)
      try {
        const session = await verifyOneTimeCode(db, request.body.phone, request.body.code, settings.secret, request.ip)
        return { token: session.token, expires_at: session.expiresAt.toISOString(), phone: session.phone }
      } catch (error) {
        if (isAppError(error)) await guesses.record(`verify:${request.ip}`)
        throw error
      }
    },
  })

  api.post('/api/v1/public/dossiers', {
    config: open,
    onRequest: sessionFirst,
    bodyLimit: PORTAL_BODY_LIMIT,
    schema: {
      summary: 'Nộp hồ sơ trực tuyến: kiểm tra ngay từng tệp, cấp mã hồ sơ và ngày hẹn trả',
      tags: ['Cổng dịch vụ công'],
      headers: z.object({ [PORTAL_SESSION_HEADER]: z.string().max(100).optional() }),
      body: z.object({
        procedure_code: ProcedureCode,
        unit: UnitCode.describe('Nơi nộp (đơn vị cùng cấp giải quyết)'),
        applicant: z.object({
          name: PlainText(200),
          id_number: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'Số giấy tờ tùy thân không hợp lệ').nullable().optional(),
          address: PlainText(500).nullable().optional(),
          email: z.string().max(320).nullable().optional(),
          phone: Phone.nullable().optional().describe('Chỉ khi đăng nhập không cho số điện thoại'),
        }),
        components: z.array(ComponentUpload).max(30),
      }),
      response: { 200: SubmittedDossier, ...errors },
    },
    handler: async (request) => {
      const who = await sessionOf(request)
      const b = request.body
      const received = await submitOnline(db, store, {
        procedureCode: b.procedure_code,
        unitCode: b.unit,
        applicant: { name: b.applicant.name, idNumber: b.applicant.id_number ?? null, address: b.applicant.address ?? null, email: b.applicant.email ?? null },
        phone: b.applicant.phone ?? null,
        uploads: b.components.map((c) => ({ position: c.position, fileName: c.file_name, bytes: Buffer.from(c.content_base64, 'base64') })),
        identity: who,
        ip: request.ip,
      }, notices)
      return { code: received.code, received_at: received.receivedAt.toISOString(), due_at: received.dueAt.toISOString(), tracking_path: `/tra-cuu/${encodeURIComponent(received.code)}` }
    },
  })

  api.get('/api/v1/public/dossiers/:code', {
    config: open,
    schema: {
      summary: 'Tra cứu hồ sơ bằng mã hồ sơ và số điện thoại: tình trạng, các bước, lý do, ngày hẹn',
      tags: ['Cổng dịch vụ công'],
      params: z.object({ code: DossierCode }),
      querystring: z.object({ phone: Phone }),
      response: { 200: TrackedDossier, ...errors },
    },
    handler: async (request) => {
      const key = `track:${request.ip}`
      await guesses.check(key)
      try {
        return await trackDossier(db, request.params.code, request.query.phone)
      } catch (error) {
        if (isAppError(error) && error.code === 'not_found') await guesses.record(key)
        throw error
      }
    },
  })

  api.post('/api/v1/public/dossiers/:code/supplement', {
    config: open,
    onRequest: sessionFirst,
    bodyLimit: PORTAL_BODY_LIMIT,
    schema: {
      summary: 'Bổ sung hồ sơ trực tuyến theo yêu cầu: kiểm tra ngay từng tệp, hồ sơ tiếp tục được xử lý',
      tags: ['Cổng dịch vụ công'],
      params: z.object({ code: DossierCode }),
      body: z.object({ components: z.array(ComponentUpload).min(1).max(30) }),
      response: { 200: TrackedDossier, ...errors },
    },
    handler: async (request) => {
      const who = await sessionOf(request)
      const uploads = request.body.components.map((c) => ({ position: c.position, fileName: c.file_name, bytes: Buffer.from(c.content_base64, 'base64') }))
      return supplementOnline(db, store, request.params.code, uploads, who, notices)
    },
  })

  api.post('/api/v1/public/dossiers/:code/rating', {
    config: open,
    onRequest: sessionFirst,
    schema: {
      summary: 'Đánh giá mức độ hài lòng sau khi nhận kết quả',
      tags: ['Cổng dịch vụ công'],
      params: z.object({ code: DossierCode }),
      body: z.object({ rating: z.enum(RATINGS as [string, ...string[]]) }),
      response: { 200: z.object({ code: z.string(), rating: z.string() }), ...errors },
    },
    handler: async (request) => {
      const who = await sessionOf(request)
      await rateDossier(db, request.params.code, request.body.rating as Rating, who, request.ip)
      return { code: request.params.code, rating: request.body.rating }
    },
  })

  api.post('/api/v1/public/dossiers/:code/feedback', {
    config: open,
    onRequest: sessionFirst,
    schema: {
      summary: 'Gửi phản ánh, kiến nghị về hồ sơ',
      tags: ['Cổng dịch vụ công'],
      params: z.object({ code: DossierCode }),
      body: z.object({ content: PlainText(2000).refine((s) => s.trim().length >= 10, 'Nội dung phản ánh quá ngắn') }),
      response: { 200: z.object({ feedback_code: z.string() }), ...errors },
    },
    handler: async (request) => {
      const who = await sessionOf(request)
      return { feedback_code: await feedbackFromPortal(db, request.params.code, request.body.content, who, request.ip) }
    },
  })
}
