import { sql, type RawBuilder } from 'kysely'
import type { Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import { heirOnDay } from './scope-members.js'
import type { TotalsOptions } from './rollup.repository.js'

/** Before any data: the start of "to date" when no start is configured. */
const EARLIEST = '0001-01-01'

/**
 * Whether the unit received any e-certified copy in the range: copies are never negative, so a
 * month or a day with copies is enough — whole months from rollup_monthly, the loose days from
 * rollup_daily, each an index probe that stops at the first row found.
 */
function hadCopies(unitId: RawBuilder<unknown>, range: Period): RawBuilder<unknown> {
  if (range.from > range.to) return sql`false`
  const seg = periodSegments(range)
  const probe = (table: 'rollup_daily' | 'rollup_monthly', key: 'day' | 'month', ranges: readonly Period[]) => {
    const within = ranges.filter((r) => r.from <= r.to).map((r) => sql`${sql.ref(key)} between ${r.from}::date and ${r.to}::date`)
    return within.length === 0 ? [] : [sql`exists (select 1 from ${sql.table(table)} where unit_id = ${unitId} and (${sql.join(within, sql` or `)}) and ecert_copies > 0)`]
  }
  const probes = [...probe('rollup_monthly', 'month', [seg.months]), ...probe('rollup_daily', 'day', [seg.headDays, seg.tailDays])]
  return sql`(${sql.join(probes, sql` or `)})`
}

/**
 * Per scope of the CTE `scope (key, unit_id, own)`: the communes with e-certified copies in the
 * period (ecert_units) and from the start date up to its end (ecert_units_to_date), each commune
 * counted as the unit it had become on the tree's day (four merged communes count once after
 * the merger). Sums cannot say which communes had copies, so each commune of the scope is asked.
 */
export function communesWithCopies(period: Period, options: TotalsOptions): RawBuilder<unknown> {
  return sql`
    with members as (
      select distinct s.key, h.unit_id from scope s join unit_closure c on c.ancestor_id = s.unit_id join unit_heirs h on h.heir_id = c.descendant_id where not s.own
      union all
      select s.key, h.unit_id from scope s join unit_heirs h on h.heir_id = s.unit_id where s.own
    ),
    -- Each commune asked once, however many scopes hold it (a district and its communes).
    asked as (
      select u.id as unit_id, ${hadCopies(sql`u.id`, period)} as in_period, ${hadCopies(sql`u.id`, { from: options.ecertSince ?? EARLIEST, to: period.to })} as to_date
      from units u where u.kind = 'commune' and u.id in (select unit_id from members)
    )
    select m.key,
      count(distinct w.heir_id) filter (where a.in_period)::int as ecert_units,
      count(distinct w.heir_id) filter (where a.to_date)::int as ecert_units_to_date
    from members m join asked a on a.unit_id = m.unit_id
    cross join lateral (${heirOnDay(sql`a.unit_id`, options.treeDay ?? period.to)}) w
    where a.in_period or a.to_date
    group by m.key`
}
