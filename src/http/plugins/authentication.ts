import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { DatabaseHandle } from '../../db/open-database.js'
import type { Permission } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { actorFromApiToken } from '../../modules/accounts/api-tokens.js'
import { can, type Actor } from '../../modules/accounts/actor.js'
import { actorFromSession, SESSION_COOKIE } from '../../modules/accounts/sessions.js'

/** What a route needs: every route declares it; a route that does not is refused (deny by default). */
export type Access = { public: true } | { permission: Permission }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor | null
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_HEADER = 'x-csrf-token'

/** The actor of a request that passed the access check. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(ErrorCode.unauthenticated, 'no actor', 'Bạn cần đăng nhập')
  return request.actor
}

export async function registerAuthentication(app: FastifyInstance, handle: DatabaseHandle): Promise<void> {
  await app.register(cookie)
  app.decorateRequest('actor', null)

  // The browsable docs are public; everything else states its access itself.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config as object), access: { public: true } }
  })

  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromApiToken(handle.db, authorization.slice('Bearer '.length).trim())
      if (!request.actor) throw new AppError(ErrorCode.unauthenticated, 'bad token', 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi')
      return
    }
    const token = request.cookies[SESSION_COOKIE]
    if (token) request.actor = await actorFromSession(handle.db, token)
  })

  // Before the body is validated: someone without the right learns nothing of what a valid request looks like.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access
    if (!access) {
      // A route is unknown (404 is handled elsewhere) or forgot to say what it needs.
      if (request.routeOptions.url === undefined) return
      throw new AppError(ErrorCode.forbidden, `route ${request.routeOptions.url} declares no access`, 'Bạn không có quyền truy cập địa chỉ này')
    }
    if ('public' in access) return
    const actor = request.actor
    if (!actor) throw new AppError(ErrorCode.unauthenticated, 'not logged in', 'Bạn cần đăng nhập')
    if (!can(actor, access.permission)) {
      throw new AppError(ErrorCode.forbidden, `${actor.label} lacks ${access.permission}`, 'Bạn không có quyền thực hiện thao tác này')
    }
    // A cookie is sent by the browser on its own; a change must also prove it came from our page.
    if (actor.kind === 'user' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new AppError(ErrorCode.forbidden, 'csrf token mismatch', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu); hãy tải lại trang')
    }
  })
}
