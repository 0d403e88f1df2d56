import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { heirOnDay } from './scope-members.js'
import { splitHistoryCorrections } from './split-history-totals.js'
import { communesWithCopies } from './communes-with-copies.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'

export interface ScopeTotals {
  totals: RollupTotals
  /** Commune units of the scope with at least one e-certified copy in the period. */
  ecertUnits: number
  /** Commune units of the scope with at least one e-certified copy from the start date (default: the earliest data) up to the period's end. */
  ecertUnitsToDate: number
}

export interface TotalsOptions {
  /** Where "has ever e-certified" starts counting (INDICATORS.md ecert_units_to_date); none: the earliest data. */
  ecertSince?: LocalDate | undefined
  /**
   * The day of the tree communes are counted by (ecert_units): communes merged since count as
   * the one they became on that day. Default: the period's last day.
   */
  treeDay?: LocalDate | undefined
  /**
   * Where processing and lateness count: at the unit that received each dossier (default) or at
   * the one that decides it. Reception (received, online, digitization, fees, copies) is always
   * the receiver's.
   */
  attribution?: Attribution | undefined
}

export type Attribution = 'receiver' | 'decider'

/** The unit rollups (002, 022), or their per-ancestor sums (023) a subtree reads in one row a day. */
type RollupTable =
  | 'rollup_daily' | 'rollup_monthly' | 'rollup_decided_daily' | 'rollup_decided_monthly'
  | 'rollup_subtree_daily' | 'rollup_subtree_monthly' | 'rollup_decided_subtree_daily' | 'rollup_decided_subtree_monthly'

/** The sums counted at the decider when asked by the decider (with the overdue counters). */
const DECIDED_METRICS = new Set<string>(['finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied'])

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

/** Before any data: the start of "to date" when no start is configured. */
const EARLIEST = '0001-01-01'

function scopeValues(scopes: readonly IndicatorScope[]) {
  return sql.join(scopes.map((s) => sql`(${s.key}::text, ${s.unitId}::integer, ${s.scope === 'own'}::boolean)`))
}

const METRICS = [
  'received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies',
  'finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied',
] as const

/**
 * The sums of every scope over the period, read from the rollups (never from dossiers): whole
 * months from the monthly rollups, the loose days at either end from the daily ones, and one
 * query for all scopes, so a district and its 23 communes cost one round trip. A subtree reads
 * its own rows of the per-ancestor rollups (migration 029) — a province as few rows as a
 * commune —, a unit's own dossiers the unit rollups of it and the units it succeeded.
 */
export async function totalsForScopes(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period, options: TotalsOptions = {}): Promise<Map<string, ScopeTotals>> {
  const result = new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0, ecertUnitsToDate: 0 }]))
  if (scopes.length === 0) return result
  const seg = periodSegments(period)
  const byDecider = options.attribution === 'decider'
  // One simple range per branch, so each is an index range scan on (unit_id, day|month). By the
  // decider, the received-based sums come from the receiver's rollups and the finished-based
  // ones and the overdue counters from the decider's (migration 022), each zero in the other.
  // One index scan per table: the ranges of the period (in_period) and of overdue_open at its
  // end (for_overdue; the period's last days may count for both) in one condition, so the query
  // has few branches — planning a long union costs more than reading the rows on PGlite.
  const within = (key: 'day' | 'month', ranges: readonly Period[]) =>
    ranges.length === 0 ? sql`false` : sql`(${sql.join(ranges.map((r) => sql`${sql.ref(key)} between ${r.from}::date and ${r.to}::date`), sql` or `)})`
  const branch = (subtree: boolean, decided: boolean, grain: 'daily' | 'monthly', inPeriod: readonly Period[], forOverdue: readonly Period[]) => {
    const table = `rollup${decided ? '_decided' : ''}${subtree ? '_subtree' : ''}_${grain}` as RollupTable
    const key = grain === 'daily' ? 'day' : 'month'
    const columns = METRICS.map((m) => (!byDecider || decided === DECIDED_METRICS.has(m) ? sql.ref(m) : sql`0 as ${sql.ref(m)}`))
    const overdue = byDecider && !decided ? sql`0` : sql`overdue_enter - overdue_exit`
    return sql`
      select unit_id, ${subtree}::boolean as subtree, ${sql.join(columns)}, ${overdue} as overdue,
        ${within(key, inPeriod)} as in_period, ${within(key, forOverdue)} as for_overdue
      from ${sql.table(table)}
      where unit_id in (select unit_id from targets where subtree = ${subtree}::boolean) and ${within(key, [...inPeriod, ...forOverdue])}`
  }
  const nonEmpty = (...ranges: Period[]) => ranges.filter((r) => r.from <= r.to)
  const days = nonEmpty(seg.headDays, seg.tailDays)
  const months = nonEmpty(seg.months)
  // overdue_open at the period's end: every month before its last month, then that month's days.
  const overdueDays = nonEmpty(seg.overdueDays)
  const overdueMonths = nonEmpty({ from: EARLIEST, to: addDays(seg.overdueMonthsBefore, -1) })
  const branches = (subtree: boolean) =>
    [
      branch(subtree, false, 'daily', days, byDecider ? [] : overdueDays),
      branch(subtree, false, 'monthly', months, byDecider ? [] : overdueMonths),
      ...(byDecider ? [branch(subtree, true, 'daily', days, overdueDays), branch(subtree, true, 'monthly', months, overdueMonths)] : []),
    ]
  const kinds = [...new Set(scopes.map((s) => s.scope !== 'own'))]
  const { rows } = await sql<TotalsRow & { ecert_units: number; ecert_units_to_date: number }>`
    with scope (key, unit_id, own) as (values ${scopeValues(scopes)}),
    -- What each scope reads: a subtree its own per-ancestor row, a unit alone its units' rows.
    targets as (
      select key, unit_id, true as subtree from scope where not own
      union all
      select s.key, h.unit_id, false from scope s join unit_heirs h on h.heir_id = s.unit_id where s.own
    ),
    rows as (${sql.join(kinds.flatMap(branches), sql` union all `)}),
    sums as (
      select t.key, ${sql.join(METRICS.map((m) => sql`sum(r.${sql.ref(m)}) filter (where r.in_period) as ${sql.ref(m)}`))},
        sum(r.overdue) filter (where r.for_overdue) as overdue_open
      from targets t join rows r on r.unit_id = t.unit_id and r.subtree = t.subtree
      group by t.key
    ),
    ecert as (${communesWithCopies(period, options)})
    select s.key, ${sql.join(METRICS.map((m) => sql`m.${sql.ref(m)}`))}, m.overdue_open, e.ecert_units, e.ecert_units_to_date
    from scope s left join sums m on m.key = s.key left join ecert e on e.key = s.key
  `.execute(db)
  for (const row of rows) {
    const n = (value: number | string | null) => Number(value ?? 0)
    const scoped = result.get(row.key)!
    scoped.ecertUnits = n(row.ecert_units)
    scoped.ecertUnitsToDate = n(row.ecert_units_to_date)
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
  // A split unit's dossiers sent to another successor than the first named (split-history-totals.ts).
  for (const [key, correction] of await splitHistoryCorrections(db, scopes, period, options.attribution)) {
    const totals = result.get(key)!.totals
    for (const [metric, delta] of Object.entries(correction) as [keyof RollupTotals, number][]) totals[metric] += delta
  }
  return result
}
