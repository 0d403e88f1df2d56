import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'
import { PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv, writeManyDossiers } from '../support/files.js'
import { runCli, startCli, waitForStderr } from '../support/run-cli.js'
import { createServerTestDatabase } from '../support/test-database.js'

const ROWS = 60_000
const dir = tempDir()
const dataDir = join(dir, 'data')
let env: NodeJS.ProcessEnv = {}
let dropServerDatabase: (() => Promise<void>) | null = null

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir })
  try {
    return await work(handle)
  } finally {
    await handle.close()
  }
}

async function counts() {
  return withDatabase(async ({ db }) => ({
    dossiers: Number((await db.selectFrom('dossiers').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    events: Number((await db.selectFrom('dossier_events').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  }))
}

beforeAll(async () => {
  const server = await createServerTestDatabase()
  if (server) {
    env = { DATABASE_URL: server.url }
    dropServerDatabase = server.drop
  }
  expect((await runCli(['import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV), '--data', dataDir], env)).code).toBe(0)
  expect((await runCli(['import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), '--data', dataDir], env)).code).toBe(0)
})
afterAll(async () => dropServerDatabase?.())

describe('an import killed half-way', () => {
  // Wherever the kill lands (reading, staging, merging), the dossiers are all there or none
  // are, and running the import again completes it.
  it.each([1500, 3500, 6000])('killed with SIGKILL after %i ms leaves all or nothing, and a re-run completes it', async (delayMs) => {
    const file = writeManyDossiers(dir, `many-${delayMs}.csv`, ROWS, `K${delayMs}`)
    const before = await counts()
    const child = startCli(['import', 'dossiers', file, '--data', dataDir], env)
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    child.kill('SIGKILL')
    await child.done
    const after = await counts()
    expect([before.dossiers, before.dossiers + ROWS]).toContain(after.dossiers)
    expect(after.events).toBe(after.dossiers)
    const rerun = await runCli(['import', 'dossiers', file, '--json', '--data', dataDir], env)
    expect(rerun.code).toBe(0)
    expect(JSON.parse(rerun.stdout)).toMatchObject({ read: ROWS, rejected: 0 })
    expect(await counts()).toEqual({ dossiers: before.dossiers + ROWS, events: before.dossiers + ROWS })
  })

  it('stopped with Ctrl+C (SIGINT) closes the database cleanly and exits with 130', async () => {
    const file = writeManyDossiers(dir, 'many-sigint.csv', ROWS, 'INT')
    const before = await counts()
    const child = startCli(['import', 'dossiers', file, '--data', dataDir], env)
    // Signal once the import has begun (a slow start would otherwise meet Node's default handler).
    await waitForStderr(child, /Đang nhập hồ sơ/)
    await new Promise((resolve) => setTimeout(resolve, 300))
    child.kill('SIGINT')
    const result = await child.done
    // 60 000 rows take seconds: the signal lands mid-import, so only motcua's own handler can
    // answer 130 with its message (Node's default handler would end the process by the signal).
    expect(result.code).toBe(130)
    expect(result.stderr).toContain('đang đóng cơ sở dữ liệu')
    const after = await counts()
    expect([before.dossiers, before.dossiers + ROWS]).toContain(after.dossiers)
    expect(after.events).toBe(after.dossiers)
  })
})
