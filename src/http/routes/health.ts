import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../db/open-database.js'
import { pingDatabase } from '../../db/ping-database.js'

/** Where the first start's demo data stand: loaded in the background after the server listens. */
export type DemoSeeding = 'loading' | 'failed'

/** GET /api/health: 200 when the server and its database answer. Public, no personal data. */
export function registerHealthRoutes(app: FastifyInstance, handle: DatabaseHandle, demoSeeding: () => DemoSeeding | null = () => null): void {
  app.get('/api/health', { config: { access: { public: true } } }, async (_request, reply) => {
    // While the demo loads, say so (the console shows it) instead of waiting behind the import.
    const demo = demoSeeding()
    if (demo !== null) return { status: 'ok', database: handle.kind, demo, message: demo === 'loading' ? 'Đang nạp dữ liệu mẫu…' : 'Nạp dữ liệu mẫu không thành công' }
    if (await pingDatabase(handle.db)) return { status: 'ok', database: handle.kind }
    return reply.status(503).send({ status: 'unavailable', database: handle.kind })
  })
}
