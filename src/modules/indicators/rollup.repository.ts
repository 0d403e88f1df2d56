import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'

export interface ScopeTotals {
  totals: RollupTotals
  /** Commune units of the scope with at least one e-certified copy in the period. */
  ecertUnits: number
}

interface TotalsRow {
  key: string
  received: number | null
  online_eligible: number | null
  online: number | null
  digitization_eligible: number | null
  fully_digitized: number | null
  fee_eligible: number | null
  paid_online: number | null
  ecert_copies: number | null
  finished: number | null
  result_digitized: number | null
  on_time: number | null
  late: number | null
  rated: number | null
  satisfied: number | null
  overdue_open: number | null
}

function scopeValues(scopes: readonly IndicatorScope[]) {
  return sql.join(scopes.map((s) => sql`(${s.key}::text, ${s.unitId}::integer, ${s.scope === 'own'}::boolean)`))
}

const METRICS = [
  'received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies',
  'finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied',
] as const

/**
 * The sums of every scope over the period, read from the rollups (never from dossiers): whole
 * months from rollup_monthly, the loose days at either end from rollup_daily, and one query
 * for all scopes, so a district and its 23 communes cost one round trip.
 */
export async function totalsForScopes(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period): Promise<Map<string, ScopeTotals>> {
  const result = new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0 }]))
  if (scopes.length === 0) return result
  const seg = periodSegments(period)
  const between = (column: string, range: Period) => sql`${sql.ref(column)} between ${range.from}::date and ${range.to}::date`
  const metricColumns = sql.join(METRICS.map((m) => sql.ref(m)))
  // Every rollup row the period needs, flagged by what it counts for.
  const source = sql`
    with scope (key, unit_id, own) as (values ${scopeValues(scopes)}),
    members as (
      select s.key, c.descendant_id as unit_id from scope s join unit_closure c on c.ancestor_id = s.unit_id where not s.own
      union all
      select s.key, s.unit_id from scope s where s.own
    ),
    rows as (
      select unit_id, ${metricColumns}, overdue_enter - overdue_exit as overdue,
        (${between('day', seg.headDays)} or ${between('day', seg.tailDays)}) as in_period,
        ${between('day', seg.overdueDays)} as for_overdue
      from rollup_daily
      where ${between('day', seg.headDays)} or ${between('day', seg.tailDays)} or ${between('day', seg.overdueDays)}
      union all
      select unit_id, ${metricColumns}, overdue_enter - overdue_exit as overdue,
        ${between('month', seg.months)} as in_period,
        month < ${seg.overdueMonthsBefore}::date as for_overdue
      from rollup_monthly
      where ${between('month', seg.months)} or month < ${seg.overdueMonthsBefore}::date
    ),
    src as (select m.key, r.* from members m join rows r on r.unit_id = m.unit_id)`
  const { rows } = await sql<TotalsRow>`
    ${source}
    select key, ${sql.join(METRICS.map((m) => sql`sum(${sql.ref(m)}) filter (where in_period) as ${sql.ref(m)}`))},
      sum(overdue) filter (where for_overdue) as overdue_open
    from src
    group by key
  `.execute(db)
  for (const row of rows) {
    const n = (value: number | string | null) => Number(value ?? 0)
    result.get(row.key)!.totals = {
      received: n(row.received),
      onlineEligible: n(row.online_eligible),
      online: n(row.online),
      digitizationEligible: n(row.digitization_eligible),
      fullyDigitized: n(row.fully_digitized),
      feeEligible: n(row.fee_eligible),
      paidOnline: n(row.paid_online),
      ecertCopies: n(row.ecert_copies),
      finished: n(row.finished),
      resultDigitized: n(row.result_digitized),
      onTime: n(row.on_time),
      late: n(row.late),
      rated: n(row.rated),
      satisfied: n(row.satisfied),
      overdueOpen: n(row.overdue_open),
    }
  }
  const ecert = await sql<{ key: string; units: number }>`
    ${source}
    select key, count(*)::int as units from (
      select src.key, src.unit_id
      from src join units u on u.id = src.unit_id
      where u.kind = 'commune' and src.in_period
      group by src.key, src.unit_id
      having sum(src.ecert_copies) > 0
    ) doing
    group by key
  `.execute(db)
  for (const row of ecert.rows) result.get(row.key)!.ecertUnits = Number(row.units)
  return result
}
