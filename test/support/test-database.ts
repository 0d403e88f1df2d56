import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'

let counter = 0

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, a new database
 * on the server in DATABASE_URL when it is set. Same schema and queries on both.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
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
    const handle = await openDatabase({ databaseUrl: url.toString() })
    return {
      ...handle,
      async close() {
        await handle.close()
        const dropper = new pg.Client({ connectionString: databaseUrl })
        await dropper.connect()
        await dropper.query(`drop database if exists ${name} with (force)`)
        await dropper.end()
      },
    }
  }
  const dump = readFileSync(inject('templateDump'))
  return openDatabase({ memory: true, loadDataDir: new Blob([dump]) })
}
