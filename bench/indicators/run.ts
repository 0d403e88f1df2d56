/**
 * The indicator benchmark: generate a province's dossiers, import them through
 * `import dossiers` beside a raw COPY into a bare table, then time random (unit subtree,
 * period) queries through the engine beside a plain aggregate over the dossier table — all
 * in the same run, on the same machine. Usage:
 *   npx tsx bench/indicators/run.ts --rows 1000000 [--queries 200] [--workers N]  (PGlite; N parse workers, 0 row by row)
 *   DATABASE_URL=postgres://… npx tsx bench/indicators/run.ts --rows 10000000 (server)
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { sql } from 'kysely'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { down as triggersBefore034 } from '../../src/db/migrations/20261126_034_import_speed_rollups.js'
import { down as triggersBefore040 } from '../../src/db/migrations/20261126_040_subtree_contrib.js'
import { computeIndicators } from '../../src/domain/indicators/compute-indicators.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { rawTotalsForScope } from '../../src/modules/indicators/raw-scan.js'
import { rawCopySeconds } from './raw-copy.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { mulberry32 } from '../../src/modules/demo/seeded-random.js'
import { BENCH_DAYS, BENCH_START, benchProcedures, benchUnits, DOSSIER_HEADER, writeBenchDossiers } from './generate.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    // Server only: keep motcua_bench after the run, or reuse the one a kept run left (migrated to
    // the latest version, then only the queries) — a 10 M import takes a quarter of an hour.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    // Parse workers of the import (default: one per core but one; 0 row by row).
    workers: { type: 'string' },
    // The import under the rollup triggers as they were before migration 034 (its down() run
    // after migrating): to measure before and after alternately on the same machine.
    'triggers-before-034': { type: 'boolean', default: false },
    // The per-ancestor rollups kept by 029's triggers on the unit rollups, as before migration 040.
    'triggers-before-040': { type: 'boolean', default: false },
  },
})
const reuse = values.reuse && Boolean(process.env.DATABASE_URL)
const rows = Number(values.rows)
const queryCount = Number(values.queries)
const serverUrl = process.env.DATABASE_URL || undefined
const kind = serverUrl ? 'postgres' : 'pglite'
const work = join(import.meta.dirname, '..', 'out', kind)
if (!reuse) rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const csvPath = join(work, 'dossiers.csv')
const dataDir = join(work, 'data')

function log(message: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

async function serverDatabaseUrl(): Promise<string | undefined> {
  if (!serverUrl) return undefined
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  if (!reuse) {
    await admin.query('drop database if exists motcua_bench with (force)')
    await admin.query('create database motcua_bench')
  }
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = '/motcua_bench'
  return url.toString()
}

const databaseUrl = await serverDatabaseUrl()
const open = () => openDatabase(databaseUrl ? { databaseUrl } : { dataDir })

/** Generates the file, COPYs it raw, then imports it through the command line; the timings. */
async function generateAndImport(): Promise<{ fileBytes: number; copySeconds: number; importSeconds: number }> {
  log(`generating ${rows.toLocaleString('en')} dossiers`)
  await writeBenchDossiers(csvPath, rows)
  const fileBytes = statSync(csvPath).size

  const handle = await open()
  await migrateToLatest(handle.db)
  // Undone in reverse order: 034's down() alone would leave 040's per-ancestor rebuilds in place.
  if (values['triggers-before-034'] || values['triggers-before-040']) await triggersBefore040(handle.db)
  if (values['triggers-before-034']) await triggersBefore034(handle.db)
  const units = benchUnits()
  await handle.db.transaction().execute(async (trx) => {
    await saveUnits(trx, units.map((unit, i) => ({ line: i + 2, unit })))
    await saveProcedures(trx, benchProcedures())
  })

  // Baseline 1: raw COPY of the same file into a bare table with the same column types.
  log('raw COPY into a bare table')
  const copySeconds = await rawCopySeconds(handle, csvPath, databaseUrl)
  await handle.close()

  // The product's path: the command line, as an operator runs it.
  log('import dossiers through the command line')
  const started = performance.now()
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'dossiers', csvPath, '--data', dataDir, ...(values.workers ? ['--workers', values.workers] : [])], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  const importSeconds = (performance.now() - started) / 1000
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`)
  log(imported.stderr.trim())
  return { fileBytes, copySeconds, importSeconds }
}

// Reusing a kept database: migrate it to this version (a new migration fills its tables from the
// data already there), then only the queries; the import's figures are those of the kept run.
const timings = reuse ? null : await generateAndImport()
let handle: DatabaseHandle = await open()
if (reuse) await migrateToLatest(handle.db)
const unitRows = await handle.db.selectFrom('units').select(['id', 'code', 'kind']).execute()
const random = mulberry32(7)
const lengths = [7, 31, 92, 365]
const queries = Array.from({ length: queryCount }, () => {
  const pick = random()
  const pool = pick < 0.1 ? unitRows.filter((u) => u.kind === 'province') : pick < 0.4 ? unitRows.filter((u) => u.kind === 'district') : unitRows.filter((u) => u.kind === 'commune')
  const unit = pool[Math.floor(random() * pool.length)]!
  const length = lengths[Math.floor(random() * lengths.length)]!
  const startDay = Math.floor(random() * (BENCH_DAYS - length))
  const from = new Date(BENCH_START + startDay * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)
  const to = new Date(BENCH_START + (startDay + length - 1) * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)
  return { unit, from, to }
})

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

log(`${queryCount} random queries through the engine and as a raw aggregate`)
for (const q of queries.slice(0, 10)) await getIndicators(handle.db, { unitCode: q.unit.code, from: q.from, to: q.to, children: false })
const engineMs: number[] = []
const rawMs: number[] = []
let mismatches = 0
for (const q of queries) {
  let t = performance.now()
  const report = await getIndicators(handle.db, { unitCode: q.unit.code, from: q.from, to: q.to, children: false })
  engineMs.push(performance.now() - t)
  t = performance.now()
  const raw = await rawTotalsForScope(handle.db, { key: 'r', unitId: q.unit.id, scope: 'subtree' }, q)
  const rawIndicators = computeIndicators(raw.totals, raw.ecertUnits, raw.ecertUnitsToDate)
  rawMs.push(performance.now() - t)
  if (JSON.stringify(rawIndicators) !== JSON.stringify(report.rows[0]!.indicators)) mismatches++
}
const rollupRows = Number((await sql<{ n: number }>`select count(*) as n from rollup_daily`.execute(handle.db)).rows[0]!.n)
await handle.close()

const result = {
  database: kind,
  rows,
  triggers: values['triggers-before-034'] ? 'before 034' : values['triggers-before-040'] ? 'before 040' : 'latest',
  fileMB: timings ? Math.round(timings.fileBytes / 1e5) / 10 : null,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  measuredAt: new Date().toISOString(),
  import: timings ? { seconds: timings.importSeconds, rowsPerSecond: Math.round(rows / timings.importSeconds) } : null,
  rawCopy: timings ? { seconds: timings.copySeconds, rowsPerSecond: Math.round(rows / timings.copySeconds) } : null,
  importVsCopy: timings ? Math.round((timings.copySeconds / timings.importSeconds) * 1000) / 10 : null,
  engine: { p50: percentile(engineMs, 50), p95: percentile(engineMs, 95) },
  raw: { p50: percentile(rawMs, 50), p95: percentile(rawMs, 95) },
  speedupP50: Math.round((percentile(rawMs, 50) / percentile(engineMs, 50)) * 10) / 10,
  speedupP95: Math.round((percentile(rawMs, 95) / percentile(engineMs, 95)) * 10) / 10,
  queries: queryCount,
  mismatches,
  rollupRows,
}
writeFileSync(join(import.meta.dirname, `results-${kind}.json`), `${JSON.stringify(result, null, 2)}\n`)
log(JSON.stringify(result))
if (databaseUrl && !values.keep) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query('drop database if exists motcua_bench with (force)')
  await admin.end()
}
rmSync(work, { recursive: true, force: true })
