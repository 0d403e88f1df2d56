import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

describe('the database', () => {
  it('is PostgreSQL on both the embedded and the server path', async () => {
    const { rows } = await sql<{ version: string }>`select version()`.execute(handle.db)
    expect(rows[0]?.version).toMatch(/PostgreSQL/)
  })

  it('counts come back as numbers from both drivers', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from generate_series(1, 3)`.execute(handle.db)
    expect(rows[0]?.n).toBe(3)
  })

  it('loads CSV with COPY', async () => {
    await sql`create table copy_probe (a int, b text)`.execute(handle.db)
    await handle.copyCsv('copy_probe', ['a', 'b'], '1,"Xã An Thanh"\n2,"Tứ Kỳ, Hải Dương"\n')
    const { rows } = await sql<{ b: string }>`select b from copy_probe order by a`.execute(handle.db)
    expect(rows.map((r) => r.b)).toEqual(['Xã An Thanh', 'Tứ Kỳ, Hải Dương'])
  })
})
