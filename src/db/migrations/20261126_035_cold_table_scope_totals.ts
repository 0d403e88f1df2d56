import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The sums of indicator scopes over a period, as one function with a cached plan (issue 13).
 * A cold indicator table (a period never asked) is one statement over the rollups; on PGlite,
 * which plans every statement it is sent, planning it cost as much as running it (~4 of ~8 ms
 * for a district and its 23 communes). A PL/pgSQL function keeps its statement's plan for the
 * session, and the generic plan (force_generic_plan: parameters are arrays and date ranges, the
 * same plan fits any scope and period) is made once per session instead of once per table.
 * Without parallel workers: a server's generic plan gathered the few hundred rows read through
 * workers whose start cost more than the statement (10 M dossiers: p50 8 → 36 ms). Without
 * nested loops: a generic plan cannot count the CTEs (it guesses one row each), and matched a
 * province's 720 (commune, year) rows to their 240 heirs in a nested loop over both (33 ms); every
 * set here is small, and hashing them is never slow.
 *
 * What it reads is what totalsForScopes read before (rollup.repository.ts): a subtree its own
 * rows of the per-ancestor rollups (029), a unit alone the unit rollups of itself and the units
 * it succeeded (unit_heirs); loose days from the daily rollups, whole months from the monthly
 * ones, overdue_open as every month before the period's last month plus that month's days; by
 * the decider (attribution), the finished-based sums and overdue counters from the decided
 * rollups (022). ecert_units and ecert_units_to_date from ecert_subtree_years (031): a range is
 * given as its first and last year and their days' masks (whole years between by the row being
 * there), each commune counted as its heir on the tree's day.
 * An empty range is given as from > to. The caller computes the ranges (period-segments.ts).
 */

const METRICS = [
  'received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies',
  'finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied',
]
/** Counted at the decider when asked by the decider; the decided rollups keep only these. */
const DECIDED = new Set(['finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied'])

/** One branch of the rows read: a rollup table, its key, which scopes' units, and its columns. */
function branch(options: { table: string; grain: 'daily' | 'monthly'; subtree: boolean; decided: boolean }): string {
  const { table, grain, subtree, decided } = options
  const key = grain === 'daily' ? 'day' : 'month'
  const columns = METRICS.map((m) => {
    if (decided) return DECIDED.has(m) ? m : `0`
    return DECIDED.has(m) ? `case when p_by_decider then 0 else ${m} end` : m
  })
  // By the decider the receiver's rollups give no overdue counters (the decider's do).
  const overdueCounted = decided ? 'true' : 'not p_by_decider'
  const inPeriod = grain === 'daily' ? `(day between p_head_from and p_head_to or day between p_tail_from and p_tail_to)` : `(month between p_months_from and p_months_to)`
  const forOverdue = grain === 'daily' ? `(${overdueCounted} and day between p_overdue_days_from and p_overdue_days_to)` : `(${overdueCounted} and month <= p_overdue_months_to)`
  const units = subtree ? 'subtree_units' : 'own_units'
  return `
      select r.unit_id, ${subtree} as subtree, ${columns.join(', ')}, overdue_enter - overdue_exit as overdue, ${inPeriod} as in_period, ${forOverdue} as for_overdue
      from ${table} r
      where ${decided ? 'p_by_decider and ' : ''}r.unit_id = any(${units}) and (${inPeriod} or ${forOverdue})`
}

/** Whether ecert_subtree_years' row (year, days) had copies in the range given as its ends' years and masks. */
function hadCopies(prefix: string): string {
  return `(r.year between ${prefix}_first_year + 1 and ${prefix}_last_year - 1
        or (r.year = ${prefix}_first_year and position(B'1' in r.days & ${prefix}_first_mask) > 0)
        or (r.year = ${prefix}_last_year and position(B'1' in r.days & ${prefix}_last_mask) > 0))`
}

const BRANCHES = [true, false].flatMap((subtree) => {
  const prefix = `rollup${subtree ? '_subtree' : ''}`
  const decidedPrefix = `rollup_decided${subtree ? '_subtree' : ''}`
  return [
    branch({ table: `${prefix}_daily`, grain: 'daily', subtree, decided: false }),
    branch({ table: `${prefix}_monthly`, grain: 'monthly', subtree, decided: false }),
    branch({ table: `${decidedPrefix}_daily`, grain: 'daily', subtree, decided: true }),
    branch({ table: `${decidedPrefix}_monthly`, grain: 'monthly', subtree, decided: true }),
  ]
})

const FUNCTION = `
  create function indicator_scope_totals(
    p_keys text[], p_units integer[], p_own boolean[], p_by_decider boolean,
    p_head_from date, p_head_to date, p_tail_from date, p_tail_to date, p_months_from date, p_months_to date,
    p_overdue_days_from date, p_overdue_days_to date, p_overdue_months_to date,
    p_period_first_year integer, p_period_last_year integer, p_period_first_mask bit(366), p_period_last_mask bit(366),
    p_to_date_first_year integer, p_to_date_last_year integer, p_to_date_first_mask bit(366), p_to_date_last_mask bit(366),
    p_years_from integer, p_years_to integer, p_tree_day date
  ) returns table (
    scope_key text, ${METRICS.map((m) => `${m} bigint`).join(', ')}, overdue_open bigint, ecert_units integer, ecert_units_to_date integer
  ) language plpgsql stable set plan_cache_mode = force_generic_plan set max_parallel_workers_per_gather = 0 set enable_nestloop = off as $fn$
  #variable_conflict use_column
  declare
    subtree_units integer[] := array(select distinct u from unnest(p_units, p_own) as s(u, own) where not own);
    own_units integer[] := array(select h.unit_id from unit_heirs h where h.heir_id in (select u from unnest(p_units, p_own) as s(u, own) where own));
  begin
    return query
    with scope (key, unit_id, own) as (select * from unnest(p_keys, p_units, p_own)),
    -- What each scope reads: a subtree its own per-ancestor row, a unit alone its units' rows.
    targets as (
      select key, unit_id, true as subtree from scope where not own
      union all
      select s.key, h.unit_id, false from scope s join unit_heirs h on h.heir_id = s.unit_id where s.own
    ),
    rows as (${BRANCHES.join(' union all ')}),
    sums as (
      select t.key, ${METRICS.map((m) => `sum(r.${m}) filter (where r.in_period) as ${m}`).join(', ')},
        sum(r.overdue) filter (where r.for_overdue) as overdue_open
      from targets t join rows r on r.unit_id = t.unit_id and r.subtree = t.subtree
      group by t.key
    ),
    had as materialized (
      select t.key, r.unit_id, ${hadCopies('p_period')} as in_period, ${hadCopies('p_to_date')} as to_date
      from targets t join ecert_subtree_years r on r.ancestor_id = t.unit_id and (t.subtree or r.unit_id = t.unit_id)
      join units u on u.id = r.unit_id and u.kind = 'commune'
      where r.year between p_years_from and p_years_to
    ),
    -- Each commune mapped once to its heir on the tree's day, however many scopes hold it.
    asked as (select distinct unit_id from had where in_period or to_date),
    heirs as materialized (
      select c.unit_id, coalesce(f.heir_id, c.unit_id) as heir_id
      from asked c left join (
        select distinct on (h.unit_id) h.unit_id, h.heir_id
        from unit_heirs h join units heir_unit on heir_unit.id = h.heir_id
        where h.unit_id in (select unit_id from asked)
          and (heir_unit.valid_from is null or heir_unit.valid_from <= p_tree_day) and (heir_unit.valid_to is null or heir_unit.valid_to >= p_tree_day)
        order by h.unit_id, h.depth
      ) f on f.unit_id = c.unit_id
    ),
    ecert as (
      select h.key,
        count(distinct w.heir_id) filter (where h.in_period)::int as ecert_units,
        count(distinct w.heir_id) filter (where h.to_date)::int as ecert_units_to_date
      from had h join heirs w on w.unit_id = h.unit_id
      group by h.key
    )
    select s.key, ${METRICS.map((m) => `m.${m}`).join(', ')}, m.overdue_open, e.ecert_units, e.ecert_units_to_date
    from scope s left join sums m on m.key = s.key left join ecert e on e.key = s.key;
  end $fn$`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, FUNCTION)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop function if exists indicator_scope_totals`)
}
