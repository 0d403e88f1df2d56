import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import type { OidcLogin } from '../../../modules/portal/oidc-login.js'
import { ErrorBody } from '../../schemas.js'

const open = { access: { public: true as const } }
const errors = { 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody, 503: ErrorBody }

/**
 * OpenID Connect login for the portal (VNeID is OIDC-based): /login sends the browser to the
 * provider, /callback takes its answer and sends the browser back to the portal page it came
 * from with the new session in the address's fragment (never sent to a server, read once by the page).
 * Without a configured provider both answer 409 and the portal offers the phone's code only.
 */
export function registerPublicOidcRoutes(app: FastifyInstance, handle: DatabaseHandle, login: OidcLogin | null, publicBaseUrl: string, onlinePayment: boolean): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const configured = () => {
    if (!login) throw new AppError(ErrorCode.conflict, 'no oidc provider', 'Cổng chưa kết nối hệ thống định danh điện tử; hãy xác thực bằng số điện thoại')
    return login
  }

  api.get('/api/v1/public/portal-settings', {
    config: open,
    schema: { summary: 'Cổng có đăng nhập định danh điện tử, thanh toán trực tuyến hay không', tags: ['Cổng dịch vụ công'], response: { 200: z.object({ oidc_login: z.boolean(), online_payment: z.boolean() }) } },
    handler: async () => ({ oidc_login: login !== null, online_payment: onlinePayment }),
  })

  api.get('/api/v1/public/oidc/login', {
    config: open,
    schema: { summary: 'Đăng nhập bằng tài khoản định danh điện tử (OpenID Connect): chuyển tới nhà cung cấp định danh', tags: ['Cổng dịch vụ công'], querystring: z.object({ return_to: z.string().max(300).optional() }), response: { ...errors } },
    handler: async (request, reply) => {
      const url = await configured().begin(handle.db, request.query.return_to)
      return reply.redirect(url.href, 302)
    },
  })

  api.get('/api/v1/public/oidc/callback', {
    config: open,
    schema: { summary: 'Nhà cung cấp định danh trả về sau khi đăng nhập', tags: ['Cổng dịch vụ công'], querystring: z.record(z.string(), z.string().max(4000)), response: { ...errors } },
    handler: async (request, reply) => {
      const done = await configured().finish(handle.db, new URL(request.url, publicBaseUrl), request.ip)
      const session = Buffer.from(JSON.stringify({ token: done.token, expires_at: done.expiresAt.toISOString(), phone: done.phone })).toString('base64url')
      return reply.header('cache-control', 'no-store').redirect(`${done.returnTo}#phien=${session}`, 302)
    },
  })
}
