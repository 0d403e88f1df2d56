import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { heirOnDay } from './scope-members.js'
import { splitHistoryCorrections } from './split-history-totals.js'
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

type RollupTable = 'rollup_daily' | 'rollup_monthly' | 'rollup_decided_daily' | 'rollup_decided_monthly'

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
 * months from rollup_monthly, the loose days at either end from rollup_daily, and one query
 * for all scopes, so a district and its 23 communes cost one round trip.
 */
export async function totalsForScopes(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period, options: TotalsOptions = {}): Promise<Map<string, ScopeTotals>> {
  const result = new Map<string, ScopeTotals>(scopes.map((s) => [s.key, { totals: { ...EMPTY_TOTALS }, ecertUnits: 0, ecertUnitsToDate: 0 }]))
  if (scopes.length === 0) return result
  const seg = periodSegments(period)
  // "To date" from the earliest data reads exactly the rows overdue_open reads (every month
  // before the month of `to`, then its days): those are reused. A start date reads its own
  // range; one after the period's end counts nothing, as an empty range does.
  const since = options.ecertSince
  const byDecider = options.attribution === 'decider'
  // By the decider the overdue rows come from other tables, so "to date" reads its own range.
  const toDate = since === undefined ? (byDecider ? periodSegments({ from: EARLIEST, to: period.to }) : null) : periodSegments({ from: since, to: period.to })
  // One simple range per branch, so each is an index range scan on (unit_id, day|month). By the
  // decider, the received-based sums come from the receiver's rollups and the finished-based
  // ones and the overdue counters from the decider's (migration 022), each zero in the other.
  const branch = (table: RollupTable, key: 'day' | 'month', range: Period, counts: 'in_period' | 'for_overdue' | 'to_date') => {
    const decided = table.startsWith('rollup_decided')
    const columns = METRICS.map((m) => (!byDecider || decided === DECIDED_METRICS.has(m) ? sql.ref(m) : sql`0 as ${sql.ref(m)}`))
    const overdue = byDecider && !decided ? sql`0` : sql`overdue_enter - overdue_exit`
    return sql`
      select unit_id, ${sql.join(columns)}, ${overdue} as overdue,
        ${counts === 'in_period'}::boolean as in_period, ${counts === 'for_overdue'}::boolean as for_overdue, ${counts === 'to_date'}::boolean as to_date
      from ${sql.table(table)}
      where unit_id in (select unit_id from units_of) and ${sql.ref(key)} between ${range.from}::date and ${range.to}::date`
  }
  const [daily, monthly]: [RollupTable, RollupTable] = byDecider ? ['rollup_decided_daily', 'rollup_decided_monthly'] : ['rollup_daily', 'rollup_monthly']
  // Every rollup row the period needs, flagged by what it counts for.
  const source = sql`
    with scope (key, unit_id, own) as (values ${scopeValues(scopes)}),
    -- A scope's units and every unit they succeeded (scope-members.ts), each once.
    members as (
      select distinct s.key, h.unit_id from scope s join unit_closure c on c.ancestor_id = s.unit_id join unit_heirs h on h.heir_id = c.descendant_id where not s.own
      union all
      select s.key, h.unit_id from scope s join unit_heirs h on h.heir_id = s.unit_id where s.own
    ),
    units_of as (select distinct unit_id from members),
    rows as (
      ${branch('rollup_daily', 'day', seg.headDays, 'in_period')}
      union all ${branch('rollup_daily', 'day', seg.tailDays, 'in_period')}
      union all ${branch('rollup_monthly', 'month', seg.months, 'in_period')}
      ${byDecider ? sql`
      union all ${branch(daily, 'day', seg.headDays, 'in_period')}
      union all ${branch(daily, 'day', seg.tailDays, 'in_period')}
      union all ${branch(monthly, 'month', seg.months, 'in_period')}` : sql``}
      union all ${branch(daily, 'day', seg.overdueDays, 'for_overdue')}
      union all ${branch(monthly, 'month', { from: EARLIEST, to: addDays(seg.overdueMonthsBefore, -1) }, 'for_overdue')}
      ${toDate === null ? sql`` : sql`
      union all ${branch('rollup_daily', 'day', toDate.headDays, 'to_date')}
      union all ${branch('rollup_daily', 'day', toDate.tailDays, 'to_date')}
      union all ${branch('rollup_monthly', 'month', toDate.months, 'to_date')}`}
    ),
    src as (select m.key, r.* from members m join rows r on r.unit_id = m.unit_id)`
  // Summed per unit first, so the communes with e-certified copies are counted in the same pass.
  const { rows } = await sql<TotalsRow & { ecert_units: number; ecert_units_to_date: number }>`
    ${source},
    per_unit as (
      select key, unit_id, ${sql.join(METRICS.map((m) => sql`sum(${sql.ref(m)}) filter (where in_period) as ${sql.ref(m)}`))},
        sum(overdue) filter (where for_overdue) as overdue_open,
        sum(ecert_copies) filter (where ${toDate === null ? sql.ref('for_overdue') : sql.ref('to_date')}) as ecert_copies_to_date
      from src
      group by key, unit_id
    )
    select p.key, ${sql.join(METRICS.map((m) => sql`sum(p.${sql.ref(m)}) as ${sql.ref(m)}`))}, sum(p.overdue_open) as overdue_open,
      count(distinct w.heir_id) filter (where u.kind = 'commune' and p.ecert_copies > 0)::int as ecert_units,
      count(distinct w.heir_id) filter (where u.kind = 'commune' and p.ecert_copies_to_date > 0)::int as ecert_units_to_date
    from per_unit p join units u on u.id = p.unit_id
    cross join lateral (${heirOnDay(sql`p.unit_id`, options.treeDay ?? period.to)}) w
    group by p.key
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
