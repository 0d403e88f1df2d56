import Fastify, { type FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../db/open-database.js'
import { handleError } from './error-handler.js'
import { registerHealthRoutes } from './routes/health.js'

export interface ServerOptions {
  logger?: boolean
}

/** Assembles the HTTP server: infrastructure, then routes. Tests use `inject()` on it. */
export async function buildServer(handle: DatabaseHandle, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu' })
  })
  registerHealthRoutes(app, handle)
  return app
}
