import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { addDays } from '../../domain/time/local-date.js'

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
  const metricColumns = sql.join(METRICS.map((m) => sql.ref(m)))
  // One simple range per branch, so each is an index range scan on (unit_id, day|month).
  const branch = (table: 'rollup_daily' | 'rollup_monthly', key: 'day' | 'month', range: Period, inPeriod: boolean, forOverdue: boolean) => sql`
      select unit_id, ${metricColumns}, overdue_enter - overdue_exit as overdue, ${inPeriod}::boolean as in_period, ${forOverdue}::boolean as for_overdue
      from ${sql.table(table)}
      where unit_id in (select unit_id from units_of) and ${sql.ref(key)} between ${range.from}::date and ${range.to}::date`
  // Every rollup row the period needs, flagged by what it counts for.
  const source = sql`
    with scope (key, unit_id, own) as (values ${scopeValues(scopes)}),
    members as (
      select s.key, c.descendant_id as unit_id from scope s join unit_closure c on c.ancestor_id = s.unit_id where not s.own
      union all
      select s.key, s.unit_id from scope s where s.own
    ),
    units_of as (select distinct unit_id from members),
    rows as (
      ${branch('rollup_daily', 'day', seg.headDays, true, false)}
      union all ${branch('rollup_daily', 'day', seg.tailDays, true, false)}
      union all ${branch('rollup_monthly', 'month', seg.months, true, false)}
      union all ${branch('rollup_daily', 'day', seg.overdueDays, false, true)}
      union all ${branch('rollup_monthly', 'month', { from: '0001-01-01', to: addDays(seg.overdueMonthsBefore, -1) }, false, true)}
    ),
    src as (select m.key, r.* from members m join rows r on r.unit_id = m.unit_id)`
  // Summed per unit first, so the communes with e-certified copies are counted in the same pass.
  const { rows } = await sql<TotalsRow & { ecert_units: number }>`
    ${source},
    per_unit as (
      select key, unit_id, ${sql.join(METRICS.map((m) => sql`sum(${sql.ref(m)}) filter (where in_period) as ${sql.ref(m)}`))},
        sum(overdue) filter (where for_overdue) as overdue_open
      from src
      group by key, unit_id
    )
    select p.key, ${sql.join(METRICS.map((m) => sql`sum(p.${sql.ref(m)}) as ${sql.ref(m)}`))}, sum(p.overdue_open) as overdue_open,
      count(*) filter (where u.kind = 'commune' and p.ecert_copies > 0)::int as ecert_units
    from per_unit p join units u on u.id = p.unit_id
    group by p.key
  `.execute(db)
  for (const row of rows) {
    const n = (value: number | string | null) => Number(value ?? 0)
    const scoped = result.get(row.key)!
    scoped.ecertUnits = n(row.ecert_units)
    scoped.totals = {
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
  return result
}
