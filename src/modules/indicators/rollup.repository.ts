import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { splitHistoryCorrections } from './split-history-totals.js'
import { communesWithCopiesQuestion } from './communes-with-copies.js'
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

interface TotalsRow {
  scope_key: string
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

/**
 * The sums of every scope over the period, read from the rollups (never from dossiers): whole
 * months from the monthly rollups, the loose days at either end from the daily ones, and one
 * query for all scopes, so a district and its 23 communes cost one round trip. A subtree reads
 * its own rows of the per-ancestor rollups (migration 029) — a province as few rows as a
 * commune —, a unit's own dossiers the unit rollups of it and the units it succeeded. The
 * statement is the function indicator_scope_totals (migration 035), whose plan is kept.
 */
export async function totalsForScopes(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period, options: TotalsOptions = {}): Promise<Map<string, ScopeTotals>> {
  const [totals] = await totalsForPeriods(db, scopes, [period], options)
  return totals!
}

/**
 * The sums of every scope over each of several periods — a trend series' buckets — by the one
 * definition the table uses: indicator_scope_totals called once per period, all of them in one
 * statement whatever the number of periods. Without a tree's day each period counts communes
 * by its own last day, as a table of that period alone does.
 */
export async function totalsForPeriods(db: Kysely<Database>, scopes: readonly IndicatorScope[], periods: readonly Period[], options: TotalsOptions = {}): Promise<Map<string, ScopeTotals>[]> {
  const result = periods.map(() => new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0, ecertUnitsToDate: 0 }])))
  if (scopes.length === 0 || periods.length === 0) return result
  const asked = periods.map((period) => ({ seg: periodSegments(period), copies: communesWithCopiesQuestion(period, options) }))
  const column = <T>(type: string, value: (a: (typeof asked)[number]) => T) => sql`${asked.map(value)}::${sql.raw(type)}[]`
  // overdue_open at the period's end: every month before its last month, then that month's days.
  const { rows } = await sql<TotalsRow & { period: number; ecert_units: number; ecert_units_to_date: number }>`
    select p.period::integer as period, t.*
    from unnest(
      ${column('date', (a) => a.seg.headDays.from)}, ${column('date', (a) => a.seg.headDays.to)}, ${column('date', (a) => a.seg.tailDays.from)}, ${column('date', (a) => a.seg.tailDays.to)},
      ${column('date', (a) => a.seg.months.from)}, ${column('date', (a) => a.seg.months.to)},
      ${column('date', (a) => a.seg.overdueDays.from)}, ${column('date', (a) => a.seg.overdueDays.to)}, ${column('date', (a) => addDays(a.seg.overdueMonthsBefore, -1))},
      ${column('integer', (a) => a.copies.inPeriod.firstYear)}, ${column('integer', (a) => a.copies.inPeriod.lastYear)}, ${column('bit(366)', (a) => a.copies.inPeriod.firstMask)}, ${column('bit(366)', (a) => a.copies.inPeriod.lastMask)},
      ${column('integer', (a) => a.copies.toDate.firstYear)}, ${column('integer', (a) => a.copies.toDate.lastYear)}, ${column('bit(366)', (a) => a.copies.toDate.firstMask)}, ${column('bit(366)', (a) => a.copies.toDate.lastMask)},
      ${column('integer', (a) => a.copies.years.from)}, ${column('integer', (a) => a.copies.years.to)}, ${column('date', (a) => a.copies.treeDay)}
    ) with ordinality as p(head_from, head_to, tail_from, tail_to, months_from, months_to, overdue_days_from, overdue_days_to, overdue_months_to,
      period_first_year, period_last_year, period_first_mask, period_last_mask, to_date_first_year, to_date_last_year, to_date_first_mask, to_date_last_mask,
      years_from, years_to, tree_day, period)
    -- One call of a function with a cached plan (migration 035) per period: planning the
    -- statement cost PGlite as much as running it.
    cross join lateral indicator_scope_totals(
      ${scopes.map((s) => s.key)}::text[], ${scopes.map((s) => s.unitId)}::integer[], ${scopes.map((s) => s.scope === 'own')}::boolean[],
      ${options.attribution === 'decider'}::boolean,
      p.head_from, p.head_to, p.tail_from, p.tail_to, p.months_from, p.months_to, p.overdue_days_from, p.overdue_days_to, p.overdue_months_to,
      p.period_first_year, p.period_last_year, p.period_first_mask, p.period_last_mask, p.to_date_first_year, p.to_date_last_year, p.to_date_first_mask, p.to_date_last_mask,
      p.years_from, p.years_to, p.tree_day) t
  `.execute(db)
  for (const row of rows) {
    const n = (value: number | string | null) => Number(value ?? 0)
    const scoped = result[row.period - 1]!.get(row.scope_key)!
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
  const corrections = await splitHistoryCorrections(db, scopes, periods, options.attribution)
  corrections.forEach((byScope, i) => {
    for (const [key, correction] of byScope) {
      const totals = result[i]!.get(key)!.totals
      for (const [metric, delta] of Object.entries(correction) as [keyof RollupTotals, number][]) totals[metric] += delta
    }
  })
  return result
}
