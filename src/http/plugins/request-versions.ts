import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { DatabaseHandle } from '../../db/open-database.js'
import { AccessCache } from '../../modules/accounts/access-cache.js'
import { readVersions, SharedVersionRead, type Versions } from '../../modules/figure-cache/versions.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** One read of the data and access versions shared by the requests that arrive together. */
    sharedVersions: SharedVersionRead
    /** Sessions' actors and units by code, kept under the access version. */
    accessCache: AccessCache
  }
  interface FastifyRequest {
    versionsRead: Promise<Versions> | null
    /** The access version this request's actor was read at (null: no session cookie). */
    accessVersion: number | null
  }
}

/** The server's memory of versions and access (one per server: each has its own database). */
export function registerRequestVersions(app: FastifyInstance, handle: DatabaseHandle): void {
  app.decorate('sharedVersions', new SharedVersionRead(() => readVersions(handle.db)))
  app.decorate('accessCache', new AccessCache())
  app.decorateRequest('versionsRead', null)
  app.decorateRequest('accessVersion', null)
}

/** The versions for this request: read once for it, after it arrived (shared with its neighbours). */
export function requestVersions(request: FastifyRequest): Promise<Versions> {
  request.versionsRead ??= request.server.sharedVersions.versions()
  return request.versionsRead
}
