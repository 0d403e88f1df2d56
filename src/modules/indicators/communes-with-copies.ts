import { sql, type RawBuilder } from 'kysely'
import type { Period } from './indicator-scope.js'
import type { TotalsOptions } from './rollup.repository.js'

/** Before any data: the start of "to date" when no start is configured. */
const EARLIEST = '0001-01-01'
const BITS = 366

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000)
}

/** The bitmap of a year's days from `from` to `to` (both in that year), as ecert_subtree_years keeps them. */
function mask(from: string, to: string): string {
  const first = dayOfYear(from)
  const last = dayOfYear(to)
  return '0'.repeat(first) + '1'.repeat(last - first + 1) + '0'.repeat(BITS - 1 - last)
}

/**
 * Whether the row of `year` and `days` (ecert_subtree_years, migration 031) has copies in the
 * range: whole years between its ends by the row being there (rows without copies are not kept),
 * the ends' years by their days' bits.
 */
function hadCopies(range: Period): RawBuilder<unknown> {
  if (range.from > range.to) return sql`false`
  const firstYear = Number(range.from.slice(0, 4))
  const lastYear = Number(range.to.slice(0, 4))
  const test = (year: number, from: string, to: string) => sql`(year = ${year}::int and position(B'1' in days & ${mask(from, to)}::bit(366)) > 0)`
  if (firstYear === lastYear) return test(firstYear, range.from, range.to)
  return sql`(year between ${firstYear + 1}::int and ${lastYear - 1}::int or ${test(firstYear, range.from, `${firstYear}-12-31`)} or ${test(lastYear, `${lastYear}-01-01`, range.to)})`
}

/**
 * Per scope of the CTEs `scope (key, unit_id, own)` and `targets (key, unit_id, subtree)`: the
 * communes with e-certified copies in the period (ecert_units) and from the start date up to its
 * end (ecert_units_to_date), each commune counted as the unit it had become on the tree's day
 * (four merged communes count once after the merger). A subtree reads its own rows of
 * ecert_subtree_years (one per unit of it with copies and year); a unit alone the rows its units
 * keep of themselves — never a probe per commune.
 */
export function communesWithCopies(period: Period, options: TotalsOptions): RawBuilder<unknown> {
  const toDate = { from: options.ecertSince ?? EARLIEST, to: period.to }
  const inPeriod = hadCopies(period)
  const upToEnd = hadCopies(toDate)
  const day = options.treeDay ?? period.to
  const years = { from: Number(toDate.from.slice(0, 4)), to: Number(period.to.slice(0, 4)) }
  return sql`
    with had as materialized (
      select t.key, r.unit_id, ${inPeriod} as in_period, ${upToEnd} as to_date
      from targets t join ecert_subtree_years r on r.ancestor_id = t.unit_id and (t.subtree or r.unit_id = t.unit_id)
      join units u on u.id = r.unit_id and u.kind = 'commune'
      where r.year between ${Math.min(years.from, Number(period.from.slice(0, 4)))}::int and ${years.to}::int
    ),
    -- Each commune mapped once, however many scopes hold it (a district and its communes), in one
    -- join: per row, the lookup of the heir cost more than the rest of the statement.
    asked as (select distinct unit_id from had where in_period or to_date),
    heirs as materialized (
      select c.unit_id, coalesce(f.heir_id, c.unit_id) as heir_id
      from asked c left join (
        select distinct on (h.unit_id) h.unit_id, h.heir_id
        from unit_heirs h join units heir_unit on heir_unit.id = h.heir_id
        where h.unit_id in (select unit_id from asked)
          and (heir_unit.valid_from is null or heir_unit.valid_from <= ${day}::date) and (heir_unit.valid_to is null or heir_unit.valid_to >= ${day}::date)
        order by h.unit_id, h.depth
      ) f on f.unit_id = c.unit_id
    )
    select h.key,
      count(distinct w.heir_id) filter (where h.in_period)::int as ecert_units,
      count(distinct w.heir_id) filter (where h.to_date)::int as ecert_units_to_date
    from had h join heirs w on w.unit_id = h.unit_id
    group by h.key`
}
