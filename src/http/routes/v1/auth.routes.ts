import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Me } from '../../../contracts/auth.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { Role } from '../../../domain/accounts/role.js'
import { login } from '../../../modules/accounts/login.js'
import { changeOwnPassword } from '../../../modules/accounts/change-password.js'
import { logout, logoutEverywhere } from '../../../modules/accounts/logout.js'
import { SESSION_COOKIE, SESSION_HOURS } from '../../../modules/accounts/sessions.js'
import { describeSignedIn } from '../../../modules/accounts/signed-in-user.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, PlainText } from '../../schemas.js'


/** /api/v1/auth: log in with a password (HttpOnly, SameSite cookie), log out, log out everywhere. */
export function registerAuthRoutes(app: FastifyInstance, handle: DatabaseHandle, options: { secureCookies: boolean }): void {
  const api = app.withTypeProvider<ZodTypeProvider>()

  const describe = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request)
    return describeSignedIn(handle.db, { username: actor.name, role: actor.role, unitId: actor.unitId, tokenScopes: actor.tokenScopes, csrfToken: actor.csrfToken })
  }

  api.post('/api/v1/auth/login', {
    config: { access: { public: true } },
    schema: {
      summary: 'Đăng nhập',
      tags: ['Tài khoản'],
      body: z.object({ username: PlainText(64), password: z.string().min(1).max(200) }),
      response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 423: ErrorBody },
    },
    handler: async (request, reply) => {
      const result = await login(handle.db, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
      void reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      })
      return describeSignedIn(handle.db, { username: result.user.username, role: result.user.role as Role, unitId: result.user.unitId, csrfToken: result.csrfToken })
    },
  })

  api.get('/api/v1/auth/me', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Người dùng hiện tại', tags: ['Tài khoản'], response: { 200: Me, 401: ErrorBody } },
    handler: async (request) => describe(request),
  })

  api.post('/api/v1/auth/logout', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Đăng xuất', tags: ['Tài khoản'], response: { 200: z.object({ ok: z.boolean() }) } },
    handler: async (request, reply) => {
      await logout(handle.db, actorOf(request), request.ip)
      void reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { ok: true }
    },
  })

  api.post('/api/v1/auth/password', {
    config: { access: { permission: 'indicators:read' } },
    schema: {
      summary: 'Đổi mật khẩu của mình (các phiên đăng nhập khác kết thúc)',
      tags: ['Tài khoản'],
      body: z.object({ current_password: z.string().min(1).max(200), new_password: z.string().min(1).max(200) }),
      response: { 200: z.object({ other_sessions_ended: z.number() }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody },
    },
    handler: async (request) => {
      const ended = await changeOwnPassword(handle.db, actorOf(request), { currentPassword: request.body.current_password, newPassword: request.body.new_password }, request.ip)
      return { other_sessions_ended: ended }
    },
  })

  api.post('/api/v1/auth/logout-everywhere', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Đăng xuất khỏi mọi thiết bị', tags: ['Tài khoản'], response: { 200: z.object({ sessions: z.number() }) } },
    handler: async (request, reply) => {
      const sessions = await logoutEverywhere(handle.db, actorOf(request), request.ip)
      void reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { sessions }
    },
  })
}
