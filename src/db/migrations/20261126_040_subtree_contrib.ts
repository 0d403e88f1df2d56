import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'
import { contributionUpsert as unitRollupsOnly, signedRows } from './20261126_034_import_speed_rollups.js'

/*
 * The per-ancestor rollups from the dossier trigger's own sums (issue 13: at 200 000 imported
 * dossiers about half of the rollup triggers' time was 029's statement triggers on the unit
 * rollups, reading back the rows 034's trigger had just upserted).
 * 034's statement now also groups the sums it writes to each unit rollup by the ancestors of
 * their units (unit_rollup_ancestors) and adds them to the four per-ancestor tables in the same
 * pass. What it adds is what 029's triggers added: the change of each unit rollup row (an
 * upsert's added values, new − old) summed per (ancestor, day or month).
 * 029's invariant (each per-ancestor row = the unit rollups summed over its pairs) stays true
 * for every other writer of the unit rollups (today only migrations): a statement trigger
 * without transition tables, on each unit rollup, rebuilds its per-ancestor twin — unless the
 * statement was the dossier trigger's, which sets motcua.subtree_kept for its one statement.
 * The TRUNCATE triggers of 029 (a truncated unit rollup empties its twin) and 031's e-copy
 * triggers on rollup_daily (which see the same row changes as before) stay as they were.
 */
const RECEIVED = [
  'received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies',
  'finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied', 'overdue_enter', 'overdue_exit',
]
const DECIDED = ['finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied', 'overdue_enter', 'overdue_exit']

interface Pair {
  source: string
  target: string
  key: 'day' | 'month'
  metrics: readonly string[]
}

const PAIRS: readonly Pair[] = [
  { source: 'rollup_daily', target: 'rollup_subtree_daily', key: 'day', metrics: RECEIVED },
  { source: 'rollup_monthly', target: 'rollup_subtree_monthly', key: 'month', metrics: RECEIVED },
  { source: 'rollup_decided_daily', target: 'rollup_decided_subtree_daily', key: 'day', metrics: DECIDED },
  { source: 'rollup_decided_monthly', target: 'rollup_decided_subtree_monthly', key: 'month', metrics: DECIDED },
]

/** The CTE of 034's statement each pair's unit rows are upserted from (named here). */
const SUMS: Record<string, string> = {
  rollup_daily: 'received_daily',
  rollup_monthly: 'received_monthly',
  rollup_decided_daily: 'decided_daily',
  rollup_decided_monthly: 'decided_monthly',
}

const FLAG = 'motcua.subtree_kept'

const added = (metrics: readonly string[]) => metrics.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')
const anyNonZero = (metrics: readonly string[]) => metrics.map((m) => `sum(${m}) <> 0`).join(' or ')

/**
 * The first part of 034's statement — changed rows, their contributions, `contrib` summed per
 * (receiving unit, deciding unit, day) — taken from 034 itself, so the two cannot drift.
 */
function contribCtes(sources: readonly string[]): string {
  const text = unitRollupsOnly(sources)
  const end = text.indexOf('\n      daily as (')
  if (end < 0) throw new Error('migration 040: the shape of 034\'s statement changed')
  return text.slice(0, end).trimEnd().replace(/,$/, '')
}

/** Sums per unit and day: `contrib` by `unit`, rows that add nothing left out (as 034). */
function dailyOf(unit: string, metrics: readonly string[]): string {
  return `select ${unit} as unit_id, day, ${metrics.map((m) => `sum(${m})::int as ${m}`).join(', ')} from contrib
        where ${metrics.map((m) => `${m} <> 0`).join(' or ')} group by 1, 2 having ${anyNonZero(metrics)}`
}

/** Sums per unit and month, from the daily sums (fewer rows than `contrib`; the same sums). */
function monthlyOf(daily: string, metrics: readonly string[]): string {
  return `select unit_id, date_trunc('month', day)::date as month, ${metrics.map((m) => `sum(${m})::int as ${m}`).join(', ')} from ${daily}
        group by 1, 2 having ${anyNonZero(metrics)}`
}

function upsertUnits(p: Pair): string {
  return `insert into ${p.source} as r (unit_id, ${p.key}, ${p.metrics.join(', ')})
        select unit_id, ${p.key}, ${p.metrics.join(', ')} from ${SUMS[p.source]}
        on conflict (unit_id, ${p.key}) do update set ${added(p.metrics)}`
}

/** What 029's triggers added: the unit rows' added values, summed per ancestor of their units. */
function upsertAncestors(p: Pair): string {
  return `insert into ${p.target} as r (unit_id, ${p.key}, ${p.metrics.join(', ')})
        select a.ancestor_id, s.${p.key}, ${p.metrics.map((m) => `sum(s.${m})`).join(', ')}
        from ${SUMS[p.source]} s join unit_rollup_ancestors a on a.unit_id = s.unit_id
        group by a.ancestor_id, s.${p.key}
        on conflict (unit_id, ${p.key}) do update set ${added(p.metrics)}`
}

/** Adds what the rows of `sources` contribute to the four unit rollups and the four per-ancestor ones. */
export function contributionUpsert(sources: readonly string[]): string {
  const writes = PAIRS.flatMap((p) => [upsertUnits(p), upsertAncestors(p)])
  return `${contribCtes(sources)},
      received_daily as materialized (${dailyOf('receiving_unit_id', RECEIVED)}),
      received_monthly as materialized (${monthlyOf('received_daily', RECEIVED)}),
      decided_daily as materialized (${dailyOf('deciding_unit_id', DECIDED)}),
      decided_monthly as materialized (${monthlyOf('decided_daily', DECIDED)}),
      ${writes.slice(0, -1).map((w, i) => `w${i} as (${w})`).join(',\n      ')}
      ${writes.at(-1)}`
}

/** The statement inside the flag that tells the unit rollups' guards the per-ancestor rows are done. */
const flagged = (statement: string) => `perform set_config('${FLAG}', 'on', true);
        ${statement};
        perform set_config('${FLAG}', 'off', true);`

function dossierTriggers(upsert: (sources: readonly string[]) => string, flag: (s: string) => string): string {
  const fn = (name: string, table: string, sources: readonly string[]) => `
    create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from ${table}) then
        ${flag(upsert(sources))}
      end if;
      return null;
    end $$;`
  return [
    fn('rollup_dossiers_after_insert', 'new_rows', [signedRows('new_rows', 1)]),
    fn('rollup_dossiers_after_update', 'new_rows', [signedRows('old_rows', -1), signedRows('new_rows', 1)]),
    fn('rollup_dossiers_after_delete', 'old_rows', [signedRows('old_rows', -1)]),
  ].join('\n')
}

/** Any other writer of a unit rollup: its per-ancestor twin rebuilt from it (rare: migrations). */
function guards(): string {
  return PAIRS.map((p) => `
    create function ${p.target}_after_other_write() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('${FLAG}', true), '') <> 'on' then
        delete from ${p.target};
        insert into ${p.target} (unit_id, ${p.key}, ${p.metrics.join(', ')})
          select a.ancestor_id, s.${p.key}, ${p.metrics.map((m) => `sum(s.${m})`).join(', ')}
          from ${p.source} s join unit_rollup_ancestors a on a.unit_id = s.unit_id
          group by a.ancestor_id, s.${p.key};
      end if;
      return null;
    end $$;
    create trigger ${p.source}_subtree_other after insert or update or delete on ${p.source}
      for each statement execute function ${p.target}_after_other_write();`).join('\n')
}

const SUBTREE_TRIGGERS = (p: Pair) => [`${p.source}_subtree_insert`, `${p.source}_subtree_update`, `${p.source}_subtree_delete`]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 029's trigger functions stay (down() points its triggers at them again).
  await runSqlScript(db, `
    ${PAIRS.flatMap((p) => SUBTREE_TRIGGERS(p).map((t) => `drop trigger ${t} on ${p.source};`)).join('\n    ')}
    ${guards()}
    ${dossierTriggers(contributionUpsert, flagged)}
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${PAIRS.map((p) => `drop trigger if exists ${p.source}_subtree_other on ${p.source};
    drop function if exists ${p.target}_after_other_write();
    create trigger ${p.source}_subtree_insert after insert on ${p.source}
      referencing new table as new_rows for each statement execute function ${p.target}_after_insert();
    create trigger ${p.source}_subtree_update after update on ${p.source}
      referencing old table as old_rows new table as new_rows for each statement execute function ${p.target}_after_update();
    create trigger ${p.source}_subtree_delete after delete on ${p.source}
      referencing old table as old_rows for each statement execute function ${p.target}_after_delete();`).join('\n    ')}
    ${dossierTriggers(unitRollupsOnly, (s) => `${s};`)}
  `)
}
