import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../db/open-database.js'

/** GET /api/health: 200 when the server and its database answer. Public, no personal data. */
export function registerHealthRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.get('/api/health', { config: { access: { public: true } } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(handle.db)
      return { status: 'ok', database: handle.kind }
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: handle.kind })
    }
  })
}
