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
  const result = new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0, ecertUnitsToDate: 0 }]))
  if (scopes.length === 0) return result
  const seg = periodSegments(period)
  // overdue_open at the period's end: every month before its last month, then that month's days.
  const overdueMonthsTo = addDays(seg.overdueMonthsBefore, -1)
  const copies = communesWithCopiesQuestion(period, options)
  const date = (value: string) => sql`${value}::date`
  const bits = (value: string) => sql`${value}::bit(366)`
  // One call of a function with a cached plan (migration 035) whatever the scopes and period:
  // planning the statement cost PGlite as much as running it.
  const { rows } = await sql<TotalsRow & { ecert_units: number; ecert_units_to_date: number }>`
    select * from indicator_scope_totals(
      ${scopes.map((s) => s.key)}::text[], ${scopes.map((s) => s.unitId)}::integer[], ${scopes.map((s) => s.scope === 'own')}::boolean[],
      ${options.attribution === 'decider'}::boolean,
      ${date(seg.headDays.from)}, ${date(seg.headDays.to)}, ${date(seg.tailDays.from)}, ${date(seg.tailDays.to)},
      ${date(seg.months.from)}, ${date(seg.months.to)},
      ${date(seg.overdueDays.from)}, ${date(seg.overdueDays.to)}, ${date(overdueMonthsTo)},
      ${copies.inPeriod.firstYear}::integer, ${copies.inPeriod.lastYear}::integer, ${bits(copies.inPeriod.firstMask)}, ${bits(copies.inPeriod.lastMask)},
      ${copies.toDate.firstYear}::integer, ${copies.toDate.lastYear}::integer, ${bits(copies.toDate.firstMask)}, ${bits(copies.toDate.lastMask)},
      ${copies.years.from}::integer, ${copies.years.to}::integer, ${date(copies.treeDay)})
  `.execute(db)
  for (const row of rows) {
    const n = (value: number | string | null) => Number(value ?? 0)
    const scoped = result.get(row.scope_key)!
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
