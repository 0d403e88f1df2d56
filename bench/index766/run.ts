/**
 * The Decision 766 overview of a district quarter (issue 13): Tứ Kỳ (the demo, ~91 000 dossiers
 * 2022–2023 and the newer ones) for 2023-Q4 — its 23 communes ranked and its trend month by month
 * — timed cold (a fresh process, nothing cached, the calendar read) and repeated through the
 * figure cache at the same data version, beside, in the same run:
 *   - the raw scan: one plain aggregate over the same dossiers (the district's, received by the
 *     end of 2023 and not finished before it began) — what any exact answer must at least read;
 *   - the JavaScript judgement of the histories (the reference path, `dossierHistoryInputsOverWindows`)
 *     for the same scopes and periods, and the database judgement (`dossierHistoryInputsInDatabase`),
 *     whose figures must be equal.
 * Usage: npx tsx bench/index766/run.ts [--runs 5] [--stale none|one|all] [--warm-up]   (PGlite, bench/out/index766-pglite)
 *        --warm-up: the server's warm-up after a start (warm-up-figures.ts) before the cold overview.
 *        --stale: the kept partial results (migration 033) made stale before the cold overview:
 *        one commune's (a dossier written there), every unit's (the tree changed), or none.
 *        DATABASE_URL=postgres://… npx tsx bench/index766/run.ts            (server, database motcua_bench766)
 * The demo is seeded on first use. Results: bench/index766/results-<kind>.json.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { sql } from 'kysely'
import { migrateToLatest } from '../../src/db/migrate.js'
import { openDatabase } from '../../src/db/open-database.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { parseIndexPeriod } from '../../src/domain/index766/index-period.js'
import { indexTrendPeriods } from '../../src/domain/index766/index-trend-periods.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { seedDemo } from '../../src/modules/demo/seed-demo.js'
import { TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { readDataVersion } from '../../src/modules/figure-cache/data-version.js'
import { FigureCache } from '../../src/modules/figure-cache/figure-cache.js'
import { dossierHistoryInputsOverWindows } from '../../src/modules/index766/dossier-history-inputs.js'
import { dossierHistoryInputsInDatabase } from '../../src/modules/index766/dossier-history-sql.js'
import { indexOverview } from '../../src/modules/index766/index-overview.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'
import { warmUpFigures } from '../../src/modules/warm-up/warm-up-figures.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, period: { type: 'string', default: '2023-Q4' }, stale: { type: 'string', default: 'none' }, 'warm-up': { type: 'boolean', default: false } } })
const runs = Number(values.runs)
const serverUrl = process.env.DATABASE_URL || undefined
const kind = serverUrl ? 'postgres' : 'pglite'

async function databaseUrl(): Promise<string | undefined> {
  if (!serverUrl) return undefined
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  if ((await admin.query(`select 1 from pg_database where datname = 'motcua_bench766'`)).rowCount === 0) await admin.query('create database motcua_bench766')
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = '/motcua_bench766'
  return url.toString()
}

const url = await databaseUrl()
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir: join(import.meta.dirname, '..', 'out', 'index766-pglite', 'data') })
const db = handle.db
await migrateToLatest(db)
if ((await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) === undefined) {
  const seeded = performance.now()
  await seedDemo(handle, { password: 'Bench-Tai-Thu-2026', withoutDirectives: true })
  process.stderr.write(`demo seeded in ${Math.round(performance.now() - seeded)} ms\n`)
}

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now()
  const value = await work()
  return { ms: Math.round((performance.now() - started) * 10) / 10, value }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const unit = await getUnitByCode(db, TU_KY_CODE)
const children = await db.selectFrom('units').select('id').where('parent_id', '=', unit.id).where('kind', 'in', ['district', 'commune']).execute()
const scopes = [unit.id, ...children.map((c) => c.id)]
const period = parseIndexPeriod(values.period)
const periods = [period, ...indexTrendPeriods(period).filter((p) => p.from !== period.from || p.to !== period.to)]
const windows = periods.map((p) => ({ start: startOfVietnamDay(p.from), end: startOfVietnamDay(addDays(p.to, 1)) }))
const first = windows.reduce((a, w) => (w.start < a ? w.start : a), windows[0]!.start)
const last = windows.reduce((a, w) => (w.end > a ? w.end : a), windows[0]!.end)

// The kept partial results (migration 033) made stale before the cold overview, as a write would:
// --stale one (a dossier of one commune changed), all (the tree or the time limits changed), none.
const keepsPartials = (await sql<{ found: string | null }>`select to_regclass('index766_unit_changes')::text as found`.execute(db)).rows[0]?.found != null
if (keepsPartials && values.stale !== 'none') await sql`select index766_touch(${values.stale === 'all' ? [0] : [children[0]!.id]}::int[])`.execute(db)
// --warm-up: first what the server does after it starts (another unit and period: warm-up-figures.ts).
const warmUp = values['warm-up'] ? await timed(() => warmUpFigures(db)) : null
// Cold: the first overview of this period in this process (nothing cached; with --warm-up the engine warm).
const cold = await timed(() => indexOverview(db, { unitCode: TU_KY_CODE, period: values.period }))
const uncached: number[] = []
for (let i = 0; i < runs; i += 1) uncached.push((await timed(() => indexOverview(db, { unitCode: TU_KY_CODE, period: values.period }))).ms)
// Repeated: through the figure cache at the same data version, as the route serves it.
const cache = new FigureCache()
const ask = async () => cache.answer(await readDataVersion(db), `index766-overview\u0000${TU_KY_CODE}\u0000${values.period}`, () => indexOverview(db, { unitCode: TU_KY_CODE, period: values.period }))
await ask()
const repeated: number[] = []
for (let i = 0; i < runs; i += 1) repeated.push((await timed(ask)).ms)

const rawScan: number[] = []
let rawCount = 0
for (let i = 0; i < runs; i += 1) {
  const r = await timed(() => sql<{ n: number }>`
    select count(*)::int as n, count(*) filter (where d.finished_at <= d.due_at)::int as on_time from dossiers d
    where d.receiving_unit_id in (select descendant_id from unit_closure where ancestor_id = ${unit.id})
      and d.received_at < ${last} and (d.finished_at is null or d.finished_at >= ${first})`.execute(db))
  rawScan.push(r.ms)
  rawCount = r.value.rows[0]!.n
}
const calendar = await loadWorkingCalendar(db)
const inDatabase = await timed(() => dossierHistoryInputsInDatabase(db, calendar, scopes, windows))
const inJavaScript = await timed(() => dossierHistoryInputsOverWindows(db, calendar, scopes, windows))
const same = JSON.stringify(inDatabase.value.map((m) => [...m])) === JSON.stringify(inJavaScript.value.map((m) => [...m]))

const results = {
  kind, measured_at: new Date().toISOString(), node: process.version, period: values.period, stale_before_cold: keepsPartials ? values.stale : 'no kept partials', warm_up_ms: warmUp?.ms ?? null, scopes: scopes.length, periods: periods.length, dossiers_read: rawCount,
  overview_cold_ms: cold.ms, overview_uncached_median_ms: median(uncached), overview_uncached_ms: uncached,
  overview_repeated_median_ms: median(repeated), overview_repeated_ms: repeated,
  raw_scan_median_ms: median(rawScan), raw_scan_ms: rawScan,
  histories_in_database_ms: inDatabase.ms, histories_in_javascript_ms: inJavaScript.ms, histories_equal: same,
  goals: { cold_le_300ms: cold.ms <= 300, repeated_le_20ms: median(repeated) <= 20 },
}
console.log(JSON.stringify(results, null, 2))
writeFileSync(join(import.meta.dirname, `results-${kind}.json`), `${JSON.stringify(results, null, 2)}\n`)
await handle.close()
