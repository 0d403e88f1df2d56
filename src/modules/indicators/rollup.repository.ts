import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'

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

/**
 * The sums of every scope over the period, read from the rollups (never from dossiers): one
 * query for all scopes, so a district and its 23 communes cost one round trip.
 */
export async function totalsForScopes(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period): Promise<Map<string, ScopeTotals>> {
  const result = new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0 }]))
  if (scopes.length === 0) return result
  const members = sql`
    with scope (key, unit_id, own) as (values ${scopeValues(scopes)}),
    members as (
      select s.key, c.descendant_id as unit_id from scope s join unit_closure c on c.ancestor_id = s.unit_id where not s.own
      union all
      select s.key, s.unit_id from scope s where s.own
    )`
  const inPeriod = sql`r.day between ${period.from}::date and ${period.to}::date`
  const { rows } = await sql<TotalsRow>`
    ${members}
    select m.key,
      sum(r.received) filter (where ${inPeriod}) as received,
      sum(r.online_eligible) filter (where ${inPeriod}) as online_eligible,
      sum(r.online) filter (where ${inPeriod}) as online,
      sum(r.digitization_eligible) filter (where ${inPeriod}) as digitization_eligible,
      sum(r.fully_digitized) filter (where ${inPeriod}) as fully_digitized,
      sum(r.fee_eligible) filter (where ${inPeriod}) as fee_eligible,
      sum(r.paid_online) filter (where ${inPeriod}) as paid_online,
      sum(r.ecert_copies) filter (where ${inPeriod}) as ecert_copies,
      sum(r.finished) filter (where ${inPeriod}) as finished,
      sum(r.result_digitized) filter (where ${inPeriod}) as result_digitized,
      sum(r.on_time) filter (where ${inPeriod}) as on_time,
      sum(r.late) filter (where ${inPeriod}) as late,
      sum(r.rated) filter (where ${inPeriod}) as rated,
      sum(r.satisfied) filter (where ${inPeriod}) as satisfied,
      sum(r.overdue_enter - r.overdue_exit) as overdue_open
    from members m join rollup_daily r on r.unit_id = m.unit_id
    where r.day <= ${period.to}::date
    group by m.key
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
    ${members}
    select key, count(*)::int as units from (
      select m.key, r.unit_id
      from members m join rollup_daily r on r.unit_id = m.unit_id join units u on u.id = r.unit_id
      where u.kind = 'commune' and ${inPeriod}
      group by m.key, r.unit_id
      having sum(r.ecert_copies) > 0
    ) doing
    group by key
  `.execute(db)
  for (const row of ecert.rows) result.get(row.key)!.ecertUnits = Number(row.units)
  return result
}
