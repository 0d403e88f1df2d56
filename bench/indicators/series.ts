/**
 * The dashboard's trend series (issue 13): the demo district's series as the dashboard asks it —
 * twelve months by month, or the eight weeks up to a short period — straight through
 * `getIndicatorSeries` (no HTTP, no figure cache: what a cache miss costs). Cold: series ending
 * in periods never asked in this run; warm: the same series asked again. With `--compare <file>`
 * another implementation of `getIndicatorSeries` (a previous version's file checked out beside
 * this one) is timed too, alternated call by call with this one, so both see the same minutes
 * of a shared machine. Uses the demo folder of cold-table.ts (seeded there if missing). Usage:
 *   npx tsx bench/indicators/series.ts [--series 40] [--by decider] [--compare src/modules/indicators/old-get-series.ts]
 */
import { existsSync, mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { migrateToLatest } from '../../src/db/migrate.js'
import { openDatabase } from '../../src/db/open-database.js'
import type { Granularity } from '../../src/domain/indicators/series-buckets.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { seedDemo } from '../../src/modules/demo/seed-demo.js'
import { TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { mulberry32 } from '../../src/modules/demo/seeded-random.js'
import { getIndicatorSeries } from '../../src/modules/indicators/get-series.js'
import type { Attribution } from '../../src/modules/indicators/rollup.repository.js'

const { values } = parseArgs({ options: { series: { type: 'string', default: '40' }, by: { type: 'string', default: 'receiver' }, compare: { type: 'string' } } })
const count = Number(values.series)
const attribution = values.by as Attribution
const dataDir = join(import.meta.dirname, '..', 'out', 'cold-pglite', 'data')

type SeriesFunction = typeof getIndicatorSeries
const engines: [string, SeriesFunction][] = [['now', getIndicatorSeries]]
if (values.compare) {
  const other = (await import(resolve(values.compare))) as { getIndicatorSeries: SeriesFunction }
  engines.push(['compared', other.getIndicatorSeries])
}

mkdirSync(dataDir, { recursive: true })
const seeded = existsSync(join(dataDir, 'pgdata'))
const handle = await openDatabase({ dataDir })
await migrateToLatest(handle.db)
if ((await handle.db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) === undefined) {
  process.stderr.write(`seeding the demo (${seeded ? 'folder without dossiers' : 'new folder'})\n`)
  await seedDemo(handle, { withoutDirectives: true })
}

/** As web/src/dashboard/periods.ts asks it: twelve months ending with the period's month, or eight weeks (Monday to Sunday). */
function dashboardSeries(i: number, random: () => number): { from: string; to: string; granularity: Granularity } {
  const end = addDays('2022-06-01', Math.floor(random() * 500))
  if (i % 2 === 0) {
    const lastMonth = end.slice(0, 7)
    const [y, m] = lastMonth.split('-').map(Number) as [number, number]
    const first = y * 12 + (m - 1) - 11
    const nextMonth = y * 12 + m
    const to = addDays(`${Math.floor(nextMonth / 12)}-${String((nextMonth % 12) + 1).padStart(2, '0')}-01`, -1)
    return { from: `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}-01`, to, granularity: 'month' }
  }
  const sunday = addDays(end, (7 - new Date(`${end}T00:00:00Z`).getUTCDay()) % 7)
  return { from: addDays(sunday, -55), to: sunday, granularity: 'week' }
}

const random = mulberry32(13)
const asked = Array.from({ length: count }, (_, i) => dashboardSeries(i, random))
const ask = (engine: SeriesFunction, q: (typeof asked)[number]) => engine(handle.db, { unitCode: TU_KY_CODE, from: q.from, to: q.to, granularity: q.granularity, scope: 'subtree', attribution })
const time = async (engine: SeriesFunction, q: (typeof asked)[number]) => {
  const started = performance.now()
  await ask(engine, q)
  return performance.now() - started
}

// The connection and the first plans, for each engine, on series not measured.
for (const [, engine] of engines) await ask(engine, { from: '2021-01-01', to: '2021-12-31', granularity: 'month' })
const cold = new Map(engines.map(([name]) => [name, [] as number[]]))
const warm = new Map(engines.map(([name]) => [name, [] as number[]]))
for (const [i, q] of asked.entries()) {
  // Alternated, and which goes first alternates too: each engine as often the first to read a series' pages
  // (PGlite keeps no answers: the second is "cold" for its own plans, with the pages read just before).
  const order = i % 2 === 0 ? engines : [...engines].reverse()
  for (const [name, engine] of order) cold.get(name)!.push(await time(engine, q))
}
for (const q of asked) for (const [name, engine] of engines) warm.get(name)!.push(await time(engine, q))

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: +quantile(sorted, 0.5).toFixed(1), p95: +quantile(sorted, 0.95).toFixed(1), max: +sorted[sorted.length - 1]!.toFixed(1) }
}
const result = {
  at: new Date().toISOString(),
  loadavg: loadavg().map((l) => +l.toFixed(2)),
  series: count,
  by: attribution,
  // Twelve months (even indices) and eight weeks (odd ones) apart: a series' cost grows with its buckets.
  engines: Object.fromEntries(
    engines.map(([name]) => {
      const of = (samples: number[], parity: number) => summary(samples.filter((_, i) => i % 2 === parity))
      const [c, w] = [cold.get(name)!, warm.get(name)!]
      return [name, { cold: summary(c), warm: summary(w), months: { cold: of(c, 0), warm: of(w, 0) }, weeks: { cold: of(c, 1), warm: of(w, 1) } }]
    }),
  ),
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
await handle.close()
