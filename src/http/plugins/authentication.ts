import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { DatabaseHandle } from '../../db/open-database.js'
import { SHARED_DATA_PERMISSIONS, type Permission } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { actorFromApiToken } from '../../modules/accounts/api-tokens.js'
import { assertAtRoot, can, type Actor } from '../../modules/accounts/actor.js'
import { SESSION_COOKIE } from '../../modules/accounts/sessions.js'
import { csrfTokenMatches } from './csrf-token.js'
import { requestVersions } from './request-versions.js'

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

  // Who is asking, and whether they may: all before the body is read, parsed or validated, so a
  // caller without the right gets 401/403 whatever they send (a malformed JSON, a huge or wrong
  // body), and learns nothing of what a valid request looks like.
  app.addHook('onRequest', async (request) => {
    request.actor = await actorOfRequest(handle, request)
    checkAccess(request)
  })
}

async function actorOfRequest(handle: DatabaseHandle, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) {
    const actor = await actorFromApiToken(handle.db, authorization.slice('Bearer '.length).trim())
    if (!actor) throw new AppError(ErrorCode.unauthenticated, 'bad token', 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi')
    return actor
  }
  const token = request.cookies[SESSION_COOKIE]
  if (!token) return null
  // Kept in memory under the access version: a logout, a role or unit changed is read at once.
  const { access } = await requestVersions(request)
  request.accessVersion = access
  return request.server.accessCache.actorOfSession(handle.db, token, access)
}

function checkAccess(request: FastifyRequest): void {
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
  // The province's shared data is changed from the root only, whatever a role or a token carries.
  const shared = SHARED_DATA_PERMISSIONS[access.permission]
  if (shared !== undefined) assertAtRoot(actor, shared)
  // A cookie is sent by the browser on its own; a change must also prove it came from our page.
  if (actor.kind === 'user' && !SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.headers[CSRF_HEADER], actor.csrfToken)) {
    throw new AppError(ErrorCode.forbidden, 'csrf token mismatch', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu); hãy tải lại trang')
  }
}
