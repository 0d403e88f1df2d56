import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, inject } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'

let counter = 0

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, a new database
 * on the server in DATABASE_URL when it is set. Same schema and queries on both.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const server = await createServerTestDatabase()
  if (server) {
    const handle = await openDatabase({ databaseUrl: server.url })
    return {
      ...handle,
      async close() {
        await handle.close()
        await server.drop()
      },
    }
  }
  const dump = readFileSync(inject('templateDump'))
  return openDatabase({ memory: true, loadDataDir: new Blob([dump]) })
}

/**
 * On the server run: a new migrated database and its URL, for tests that start the command
 * line as another process. Null on the embedded run (those tests use a --data folder).
 */
export async function createServerTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) return null
  const name = `motcua_test_${process.pid}_${Date.now()}_${counter++}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`)
  } finally {
    await admin.end()
  }
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: databaseUrl })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}

/**
 * For tests that start the command line as another process: the environment to give it (a
 * fresh server database in DATABASE_URL on the server run, nothing on the embedded run, where
 * the test passes a --data folder). Registers its own setup and clean-up hooks.
 */
export function useProcessDatabase(): { env: () => NodeJS.ProcessEnv } {
  let env: NodeJS.ProcessEnv = {}
  let drop: (() => Promise<void>) | null = null
  beforeAll(async () => {
    const server = await createServerTestDatabase()
    if (server) {
      env = { DATABASE_URL: server.url }
      drop = server.drop
    }
  })
  afterAll(async () => drop?.())
  return { env: () => env }
}
