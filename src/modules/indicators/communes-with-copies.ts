import { sql, type RawBuilder } from 'kysely'
import type { Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { heirOnDay } from './scope-members.js'
import type { TotalsOptions } from './rollup.repository.js'

/** Before any data: the start of "to date" when no start is configured. */
const EARLIEST = '0001-01-01'

type Grain = { key: 'day' | 'month'; ranges: (range: Period) => Period[] }

const MONTHS: Grain = { key: 'month', ranges: (range) => [periodSegments(range).months] }
const DAYS: Grain = { key: 'day', ranges: (range) => [periodSegments(range).headDays, periodSegments(range).tailDays] }

/** Whether `key` falls in the range's whole months (MONTHS) or its loose days (DAYS). */
function within(grain: Grain, range: Period): RawBuilder<unknown> {
  if (range.from > range.to) return sql`false`
  const parts = grain.ranges(range).filter((r) => r.from <= r.to)
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts.map((r) => sql`${sql.ref(grain.key)} between ${r.from}::date and ${r.to}::date`), sql` or `)})`
}

/**
 * The units with copies of each scope, in the period and up to its end: a subtree reads its own
 * rows of the per-ancestor presence tables (migration 024), a unit alone the rows of the units
 * it succeeded — copies are never negative, so a day or a month with copies is enough.
 */
function unitsWithCopies(period: Period, toDate: Period): RawBuilder<unknown> {
  const branch = (grain: Grain, subtree: boolean) => {
    const [table, unit] = subtree
      ? [grain.key === 'day' ? 'ecert_subtree_daily' : 'ecert_subtree_monthly', 'ancestor_id']
      : [grain.key === 'day' ? 'rollup_daily' : 'rollup_monthly', 'unit_id']
    const inPeriod = within(grain, period)
    const upToEnd = within(grain, toDate)
    return sql`
      select t.key, r.unit_id, ${inPeriod} as in_period, ${upToEnd} as to_date
      from targets t join ${sql.table(table)} r on r.${sql.ref(unit)} = t.unit_id
      where t.subtree = ${subtree}::boolean and (${inPeriod} or ${upToEnd})${subtree ? sql`` : sql` and r.ecert_copies > 0`}`
  }
  return sql.join([branch(MONTHS, true), branch(DAYS, true), branch(MONTHS, false), branch(DAYS, false)], sql` union all `)
}

/**
 * Per scope of the CTEs `scope (key, unit_id, own)` and `targets (key, unit_id, subtree)`: the
 * communes with e-certified copies in the period (ecert_units) and from the start date up to its
 * end (ecert_units_to_date), each commune counted as the unit it had become on the tree's day
 * (four merged communes count once after the merger). Only the communes that had copies are
 * looked at, however many the scope holds.
 */
export function communesWithCopies(period: Period, options: TotalsOptions): RawBuilder<unknown> {
  const toDate = { from: options.ecertSince ?? EARLIEST, to: period.to }
  return sql`
    with found as (${unitsWithCopies(period, toDate)}),
    had as (
      select f.key, f.unit_id, bool_or(f.in_period) as in_period, bool_or(f.to_date) as to_date
      from found f join units u on u.id = f.unit_id and u.kind = 'commune'
      group by f.key, f.unit_id
    ),
    -- Each commune mapped once, however many scopes hold it (a district and its communes).
    heirs as (select distinct unit_id from had)
    select h.key,
      count(distinct w.heir_id) filter (where h.in_period)::int as ecert_units,
      count(distinct w.heir_id) filter (where h.to_date)::int as ecert_units_to_date
    from had h join (heirs c cross join lateral (${heirOnDay(sql`c.unit_id`, options.treeDay ?? period.to)}) w) on c.unit_id = h.unit_id
    group by h.key`
}
