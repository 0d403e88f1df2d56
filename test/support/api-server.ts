import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { buildServer, type ServerOptions } from '../../src/http/build-server.js'
import { tempDir } from './files.js'
import { createTestDatabase } from './test-database.js'

/** The API over a fresh migrated database: what every HTTP test starts from. */
export interface ApiServer {
  handle: DatabaseHandle
  app: FastifyInstance
}

/** A fresh test database and the real server over it (scans go to a folder of their own). */
export async function startApiServer(options: ServerOptions = {}): Promise<ApiServer> {
  const handle = await createTestDatabase()
  const app = await buildServer(handle, { filesDir: tempDir(), ...options })
  return { handle, app }
}

/** Closes the server, then its database (on a PostgreSQL server the test database is dropped). */
export async function stopApiServer(server: ApiServer): Promise<void> {
  await server.app.close()
  await server.handle.close()
}
