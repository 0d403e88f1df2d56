import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { monthAligned } from './history-partials.js'
import { monthsBetween, monthStartSql, nextMonth } from './month-partials.js'
import { oneComputationAtATime, staleCells, stampCells, unitCounters, unitsFeeding } from './partials-freshness.js'
import { dossierScopes, dossierShare, placementScopesJoin } from './scope-dossiers.js'
import { windowsSpan } from './time-windows.js'

/*
 * 3.5 C's "procedures with a dossier paid online in the period" from rows kept per receiving unit,
 * successor, procedure, month paid (the payment time, else the receipt) and month received
 * (migration 033): a dossier counts in a period when paid in it and received by its end, and
 * both are whole months there. Stale or missing (unit, month paid) cells are computed first.
 */

const KIND = 'payment'
const BY = 'receiving_unit_id'

/** Computes and stamps the rows of the units for the months paid, in the transaction `trx`. */
async function computeCells(trx: Kysely<Database>, units: readonly number[], months: readonly Date[]): Promise<void> {
  const lo = months.reduce((a, m) => (m < a ? m : a), months[0]!)
  const hi = nextMonth(months.reduce((a, m) => (m > a ? m : a), months[0]!))
  const monthTexts = months.map((m) => m.toISOString())
  await sql`delete from index766_payment_partials where unit_id = any(${units}::int[]) and paid_month = any(${monthTexts}::timestamptz[])`.execute(trx)
  const share = dossierShare({ scopeIds: [], splitShares: true }, BY)
  const paidAt = sql`coalesce(d.paid_at, d.received_at)`
  await sql`
    with ${unitCounters(units)},
    kept as (
      insert into index766_payment_partials (unit_id, heir_id, procedure_id, paid_month, received_month)
      select distinct * from (
        select d.receiving_unit_id, coalesce(${share.heirId}, 0), d.procedure_id, ${monthStartSql(paidAt)} as paid_month, ${monthStartSql(sql`d.received_at`)}
        from dossiers d
        ${share.join}
        where d.receiving_unit_id = any(${units}::int[]) and d.paid_online and d.fee_vnd > 0 and ${paidAt} >= ${lo} and ${paidAt} < ${hi}
      ) x where paid_month = any(${monthTexts}::timestamptz[])
    )
    ${stampCells(KIND, BY, units, months, months.map(() => ''))}
  `.execute(trx)
}

/** Each (period, scope, procedure) with a dossier paid online in the period, from the kept rows; null when a window is not a month, a quarter or a year. */
export async function paidProceduresFromPartials(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<{ w: number; scope_id: number; procedure_id: number }[] | null> {
  if (!monthAligned(windows)) return null
  if (scopeIds.length === 0 || windows.length === 0) return []
  const scopes = await dossierScopes(db, scopeIds)
  const units = await unitsFeeding(db, scopes)
  if (units.length === 0) return []
  const span = windowsSpan(windows)
  const months = monthsBetween(span.start, span.end)
  const keys = months.map(() => '')
  if ((await staleCells(db, KIND, BY, units, months, keys)).length > 0) {
    await oneComputationAtATime(db, async (trx) => {
      const stale = await staleCells(trx, KIND, BY, units, months, keys)
      if (stale.length === 0) return
      await computeCells(trx, [...new Set(stale.map((c) => c.unit_id))].sort((a, b) => a - b), [...new Map(stale.map((c) => [c.period_end.getTime(), c.period_end])).values()])
    })
  }
  const win = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz)`))
  const { rows } = await sql<{ w: number; scope_id: number; procedure_id: number }>`
    with win (w, s, e) as (values ${win})
    select distinct w.w, scope.scope_id, p.procedure_id
    from index766_payment_partials p
    join win w on p.paid_month >= w.s and p.paid_month < w.e and p.received_month < w.e
    ${placementScopesJoin(scopes, sql`p.unit_id`, sql`nullif(p.heir_id, 0)`)}
    where p.unit_id = any(${units}::int[]) and p.paid_month >= ${span.start} and p.paid_month < ${span.end}`.execute(db)
  return rows
}
