/**
 * The cold indicator table (issue 13): the demo district with its children — the table the
 * dashboard asks first — for periods never asked before, straight through `getIndicators` (no
 * HTTP, no figure cache: what a cache miss costs) — once as the first tables of the process, once
 * more for the periods a day later with the code and pages warm —, and the dashboard's table of the district
 * (`getIndicatorTable`: the period and the one before it, targets, ranks). The demo is seeded once into a data folder
 * and kept, so the same folder can be measured again by another version of the code. Usage:
 *   npx tsx bench/indicators/cold-table.ts [--tables 40]                         (PGlite)
 *   DATABASE_URL=postgres://… npx tsx bench/indicators/cold-table.ts             (server, database motcua_cold)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { migrateToLatest } from '../../src/db/migrate.js'
import { openDatabase } from '../../src/db/open-database.js'
import { seedDemo } from '../../src/modules/demo/seed-demo.js'
import { PROVINCE_CODE, TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { getIndicatorTable } from '../../src/modules/indicators/indicator-table.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { mulberry32 } from '../../src/modules/demo/seeded-random.js'

const { values } = parseArgs({ options: { tables: { type: 'string', default: '40' } } })
const tables = Number(values.tables)
const serverUrl = process.env.DATABASE_URL || undefined
const kind = serverUrl ? 'postgres' : 'pglite'
const dataDir = join(import.meta.dirname, '..', 'out', `cold-${kind}`, 'data')

function log(message: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

async function databaseUrl(): Promise<string | undefined> {
  if (!serverUrl) return undefined
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  const exists = await admin.query(`select 1 from pg_database where datname = 'motcua_cold'`)
  if (exists.rowCount === 0) await admin.query('create database motcua_cold')
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = '/motcua_cold'
  return url.toString()
}

const url = await databaseUrl()
if (!url) mkdirSync(dataDir, { recursive: true })
const seeded = url ? false : existsSync(join(dataDir, 'pgdata'))
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir })
await migrateToLatest(handle.db)
if ((await handle.db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) === undefined) {
  log(`seeding the demo (${seeded ? 'folder without dossiers' : 'new folder'})`)
  await seedDemo(handle, { withoutDirectives: true })
}

// Periods of 5 days to a quarter, each (start, length) once: never asked before in this run.
const random = mulberry32(13)
const lengths = [5, 7, 31, 92]
const periods = Array.from({ length: tables }, (_, i) => {
  const length = lengths[i % lengths.length]!
  const from = addDays('2022-01-10', Math.floor(random() * (700 - length)))
  return { from, to: addDays(from, length - 1) }
})
const time = async (unitCode: string, period: { from: string; to: string }) => {
  const started = performance.now()
  await getIndicators(handle.db, { unitCode, from: period.from, to: period.to, children: true })
  return performance.now() - started
}
await time(TU_KY_CODE, { from: '2021-01-01', to: '2021-01-07' }) // the connection and the plans' first parse
const district: number[] = []
const province: number[] = []
const dashboard: number[] = []
for (const period of periods) district.push(await time(TU_KY_CODE, period))
// Again for the periods a day later (never asked either), now that the process's code and the
// rollups' pages are warm — as in a server that has run for a while.
const again: number[] = []
for (const period of periods) again.push(await time(TU_KY_CODE, { from: addDays(period.from, 1), to: addDays(period.to, 1) }))
for (const period of periods.slice(0, Math.ceil(tables / 4))) province.push(await time(PROVINCE_CODE, period))
// The dashboard's table: the period and the one before it, with targets and ranks (getIndicatorTable),
// for the periods three days later (not asked above).
for (const period of periods) {
  const started = performance.now()
  await getIndicatorTable(handle.db, { unitCode: TU_KY_CODE, from: addDays(period.from, 3), to: addDays(period.to, 3), children: true })
  dashboard.push(performance.now() - started)
}
await handle.close()

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10
}
const result = {
  database: kind,
  measuredAt: new Date().toISOString(),
  districtWithChildren: { tables: district.length, p50: percentile(district, 50), p95: percentile(district, 95) },
  provinceWithChildren: { tables: province.length, p50: percentile(province, 50), p95: percentile(province, 95) },
  districtWithChildrenWarmProcess: { tables: again.length, p50: percentile(again, 50), p95: percentile(again, 95) },
  dashboardTableOfDistrict: { tables: dashboard.length, p50: percentile(dashboard, 50), p95: percentile(dashboard, 95) },
}
writeFileSync(join(import.meta.dirname, `cold-table-${kind}.json`), `${JSON.stringify(result, null, 2)}\n`)
log(JSON.stringify(result))
