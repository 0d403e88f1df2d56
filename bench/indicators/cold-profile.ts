/**
 * Where a cold district table's time goes on PGlite (issue 13): every statement `getIndicators`
 * sends for the demo district with its children, timed as sent, with the process's CPU time
 * (PGlite runs in this process, so CPU time moves far less than wall time on a loaded machine);
 * with --explain each statement is also EXPLAIN ANALYZE'd with the same parameters for its
 * planning and execution time. Uses the folder cold-table.ts seeded (or --data).
 *   npx tsx bench/indicators/cold-profile.ts [--tables 20] [--unit CODE] [--explain] [--table]
 * --table times the dashboard's table (`getIndicatorTable`: the period and the one before it).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, type LogEvent } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { getIndicatorTable } from '../../src/modules/indicators/indicator-table.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { mulberry32 } from '../../src/modules/demo/seeded-random.js'

const { values } = parseArgs({
  options: {
    tables: { type: 'string', default: '20' },
    unit: { type: 'string', default: TU_KY_CODE },
    explain: { type: 'boolean', default: false },
    table: { type: 'boolean', default: false },
    seed: { type: 'string', default: '99' },
    prewarm: { type: 'boolean', default: false },
    data: { type: 'string', default: join(import.meta.dirname, '..', 'out', 'cold-pglite', 'data') },
  },
})
const pglite = await PGlite.create({ dataDir: join(values.data, 'pgdata'), parsers: { 1082: (value: string) => value } })
const events: LogEvent[] = []
const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: (event) => void events.push(event) })

const random = mulberry32(Number(values.seed))
const lengths = [5, 7, 31, 92]
const periods = Array.from({ length: Number(values.tables) }, (_, i) => {
  const length = lengths[i % lengths.length]!
  const from = addDays('2022-01-10', Math.floor(random() * (700 - length)))
  return { from, to: addDays(from, length - 1) }
})
const ask = (from: string, to: string) =>
  values.table ? getIndicatorTable(db, { unitCode: values.unit, from, to, children: true }) : getIndicators(db, { unitCode: values.unit, from, to, children: true })
await ask('2021-01-01', '2021-01-07')
// With --prewarm, every page of the rollups read once first (what a server running for a while has in memory).
if (values.prewarm) for (const table of ['rollup_subtree_daily', 'rollup_subtree_monthly', 'rollup_daily', 'rollup_monthly', 'ecert_subtree_years', 'unit_closure', 'unit_heirs', 'units']) await pglite.query(`select count(*) from ${table}`)
interface Stat { sent: number[]; planning: number[]; execution: number[] }
const stats = new Map<string, Stat>()
const wall: number[] = []
const cpu: number[] = []
for (const period of periods) {
  events.length = 0
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  await ask(period.from, period.to)
  const used = process.cpuUsage(cpuBefore)
  wall.push(performance.now() - started)
  cpu.push((used.user + used.system) / 1000)
  for (const event of [...events]) {
    const text = event.query.sql
    const name = text.replace(/\s+/g, ' ').slice(0, 70)
    const stat = stats.get(name) ?? { sent: [], planning: [], execution: [] }
    stats.set(name, stat)
    stat.sent.push(event.queryDurationMillis)
    if (!values.explain) continue
    const explained = await pglite.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(`explain (analyze, format json) ${text}`, event.query.parameters as unknown[])
    const plan = explained.rows[0]!['QUERY PLAN'][0]
    stat.planning.push(plan['Planning Time'])
    stat.execution.push(plan['Execution Time'])
  }
}
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1)
}
console.log(`${values.table ? 'getIndicatorTable' : 'getIndicators'} over ${wall.length}: wall p50 ${percentile(wall, 50)} p95 ${percentile(wall, 95)} ms; CPU p50 ${percentile(cpu, 50)} p95 ${percentile(cpu, 95)} ms`)
for (const [name, s] of stats) {
  const explained = values.explain ? ` plan ${percentile(s.planning, 50)} exec ${percentile(s.execution, 50)}` : ''
  console.log(`  ${s.sent.length}× sent ${percentile(s.sent, 50)}${explained}  ${name}`)
}
await pglite.close()
