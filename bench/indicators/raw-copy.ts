/**
 * The import benchmarks' baseline: a raw COPY of the generated file into a bare table with the
 * file's column types — no index, no key, no trigger — dropped after. On a server through its own
 * connection (pg-copy-streams), on PGlite through the handle.
 */
import { createReadStream, readFileSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { DOSSIER_HEADER } from './generate.js'

/** Seconds the COPY of `csvPath` took. */
export async function rawCopySeconds(handle: DatabaseHandle, csvPath: string, databaseUrl?: string): Promise<number> {
  await sql`create table bench_raw (code text, unit_code text, procedure_code text, channel text, received_at timestamptz, due_at timestamptz,
    finished_at timestamptz, returned_at timestamptz, status text, components_total int, components_digitized int, result_digitized boolean,
    fee_vnd bigint, paid_online boolean, ecert_copies int, rating text)`.execute(handle.db)
  let seconds: number
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const started = performance.now()
    await pipeline(createReadStream(csvPath), client.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')))
    seconds = (performance.now() - started) / 1000
    await client.end()
  } else {
    const text = readFileSync(csvPath, 'utf8')
    const started = performance.now()
    await handle.copyCsv('bench_raw', DOSSIER_HEADER.split(','), text.slice(text.indexOf('\n') + 1))
    seconds = (performance.now() - started) / 1000
  }
  await sql`drop table bench_raw`.execute(handle.db)
  return seconds
}
