/**
 * Where the cold Decision 766 overview spends its time (issue 13): each input query of
 * `indexInputsOverPeriods` timed alone (--direct: 1.4, 3.x, 4.x over the dossiers instead of the kept monthly counts), in the order the overview asks them, for Tứ Kỳ's 24
 * scopes and the 13 periods of 2023-Q4's overview (the quarter for all, the trend for the
 * district). Run against the database bench/index766/run.ts seeded.
 * Usage: npx tsx bench/index766/profile.ts [--period 2023-Q4] [--warm] [--direct]   (DATABASE_URL=… for the server)
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../src/db/open-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { parseIndexPeriod } from '../../src/domain/index766/index-period.js'
import { indexTrendPeriods } from '../../src/domain/index766/index-trend-periods.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { dossierHistoryInputsInDatabase } from '../../src/modules/index766/dossier-history-sql.js'
import { dossierFlagInputsOverWindows } from '../../src/modules/index766/dossier-flag-inputs.js'
import { fullOnlineInputOverWindows } from '../../src/modules/index766/online-inputs.js'
import { paymentInputsOverWindows } from '../../src/modules/index766/payment-inputs.js'
import { digitizationInputOverWindows } from '../../src/modules/index766/digitization-inputs.js'
import { feedbackInputsOverWindows } from '../../src/modules/index766/feedback-inputs.js'
import { publicationInputs } from '../../src/modules/index766/publication-inputs.js'
import { communesOnTreeDay } from '../../src/modules/index766/index-scope.js'
import { totalsForScopes } from '../../src/modules/indicators/rollup.repository.js'
import { indexOverview } from '../../src/modules/index766/index-overview.js'
import { monthCountsFromPartials } from '../../src/modules/index766/month-partials.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'

const { values } = parseArgs({ options: { period: { type: 'string', default: '2023-Q4' }, warm: { type: 'boolean', default: false }, direct: { type: 'boolean', default: false } } })
const serverUrl = process.env.DATABASE_URL || undefined
const url = serverUrl ? Object.assign(new URL(serverUrl), { pathname: '/motcua_bench766' }).toString() : undefined
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir: join(import.meta.dirname, '..', 'out', 'index766-pglite', 'data') })
const db = handle.db
await migrateToLatest(db)
const unit = await getUnitByCode(db, TU_KY_CODE)
const children = await db.selectFrom('units').select('id').where('parent_id', '=', unit.id).where('kind', 'in', ['district', 'commune']).execute()
const scopes = [unit.id, ...children.map((c) => c.id)]
const period = parseIndexPeriod(values.period)
const periods = [period, ...indexTrendPeriods(period).filter((p) => p.from !== period.from || p.to !== period.to)]
const windows = periods.map((p) => ({ start: startOfVietnamDay(p.from), end: startOfVietnamDay(addDays(p.to, 1)) }))

const times: Record<string, number> = {}
// --warm: the overview asked once before, so the parts are timed in a warm process.
if (values.warm) await indexOverview(db, { unitCode: TU_KY_CODE, period: values.period })
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  const value = await work()
  times[name] = (times[name] ?? 0) + Math.round((performance.now() - started) * 10) / 10
  return value
}
const calendar = await timed('calendar', () => loadWorkingCalendar(db))
await timed('histories (2.1, 2.2, 5.4)', () => dossierHistoryInputsInDatabase(db, calendar, scopes, windows))
const direct = values.direct
if (direct) {
  await timed('flags (1.4, 4.1, 4.3, 4.4, 4.5b)', () => dossierFlagInputsOverWindows(db, scopes, windows))
  await timed('online (3.x)', () => fullOnlineInputOverWindows(db, scopes, windows))
  await timed('digitization (4.2)', () => digitizationInputOverWindows(db, scopes, windows))
} else {
  await timed('kept monthly counts (1.4, 3.x, 4.1–4.5b)', () => monthCountsFromPartials(db, scopes, windows, 'receiving_unit_id'))
}
await timed('payment (3.5)', () => paymentInputsOverWindows(db, scopes, windows))
await timed('feedback (5.x)', () => feedbackInputsOverWindows(db, calendar, scopes, windows))
await timed('communes on tree day (4.ct)', () => communesOnTreeDay(db, scopes, period.to))
for (const [p, pr] of periods.entries()) {
  const wanted = p === 0 ? scopes : [unit.id]
  await timed('rollup totals (3.6, 4.ct)', () => totalsForScopes(db, wanted.map((id) => ({ key: String(id), unitId: id, scope: 'subtree' as const })), pr, {}))
  await timed('publication (1.1–1.3, 4.5a)', () => publicationInputs(db, calendar, unit.id, pr.from, pr.to, windows[p]!.end))
  if (p === 0) await timed('publication (1.1–1.3, 4.5a)', () => publicationInputs(db, calendar, children[0]!.id, pr.from, pr.to, windows[p]!.end))
}
const total = Object.values(times).reduce((a, b) => a + b, 0)
const again = performance.now()
await indexOverview(db, { unitCode: TU_KY_CODE, period: values.period })
console.log(JSON.stringify({ kind: url ? 'postgres' : 'pglite', parts_ms: times, parts_total_ms: Math.round(total), overview_after_ms: Math.round(performance.now() - again) }, null, 2))
await handle.close()
