import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Per-ancestor rollups (issue 13): the rollups again, summed per SCOPE unit — each unit's rows
 * are also added to every unit whose subtree counts it — so a province's figures read its own
 * few rows instead of those of 250 units.
 *
 * Which units a subtree counts is unit_rollup_ancestors: (unit, ancestor) when the ancestor's
 * subtree holds the unit or a unit it became (unit_closure × unit_heirs, as scope-members.ts
 * reads them), each pair once. The invariant, for each of the four pairs of tables:
 *   rollup_subtree_daily(X, day) = Σ rollup_daily(u, day) over the pairs (u, X)
 * It is kept
 *   - on every change to the unit rollups (whatever writes them: the dossier triggers of 002 and
 *     022, an import that writes them itself), by statement triggers on the unit rollups that add
 *     the change to each ancestor's rows; a TRUNCATE of a unit rollup empties its subtree twin;
 *   - on every tree change, by rollup_subtree_refresh(), called once the closure and the heirs are
 *     rebuilt (units.repository.ts, same transaction): it compares the pairs with the tree and
 *     moves only the rows of the pairs that changed;
 *   - from scratch by rollup_subtree_rebuild() (after a bulk load that bypassed the triggers).
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

/** Adds `signed` (rows of unit_id, key, sign, metrics…) to the rows of each unit's ancestors. */
function addToAncestors(p: Pair, signed: string): string {
  return `insert into ${p.target} as r (unit_id, ${p.key}, ${p.metrics.join(', ')})
      select a.ancestor_id, s.${p.key}, ${p.metrics.map((m) => `sum(s.sign * s.${m})`).join(', ')}
      from (${signed}) s join unit_rollup_ancestors a on a.unit_id = s.unit_id
      group by a.ancestor_id, s.${p.key}
      on conflict (unit_id, ${p.key}) do update set ${p.metrics.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`
}

function rowsOf(p: Pair, table: string, sign: number): string {
  return `select unit_id, ${p.key}, ${sign} as sign, ${p.metrics.join(', ')} from ${table}`
}

function triggers(p: Pair): string {
  return `
    create function ${p.target}_after_insert() returns trigger language plpgsql as $$
    begin
      ${addToAncestors(p, rowsOf(p, 'new_rows', 1))};
      return null;
    end $$;
    create function ${p.target}_after_update() returns trigger language plpgsql as $$
    begin
      ${addToAncestors(p, `${rowsOf(p, 'new_rows', 1)} union all ${rowsOf(p, 'old_rows', -1)}`)};
      return null;
    end $$;
    create function ${p.target}_after_delete() returns trigger language plpgsql as $$
    begin
      ${addToAncestors(p, rowsOf(p, 'old_rows', -1))};
      return null;
    end $$;
    create function ${p.target}_after_truncate() returns trigger language plpgsql as $$
    begin
      truncate ${p.target};
      return null;
    end $$;
    create trigger ${p.source}_subtree_insert after insert on ${p.source}
      referencing new table as new_rows for each statement execute function ${p.target}_after_insert();
    create trigger ${p.source}_subtree_update after update on ${p.source}
      referencing old table as old_rows new table as new_rows for each statement execute function ${p.target}_after_update();
    create trigger ${p.source}_subtree_delete after delete on ${p.source}
      referencing old table as old_rows for each statement execute function ${p.target}_after_delete();
    create trigger ${p.source}_subtree_truncate after truncate on ${p.source}
      for each statement execute function ${p.target}_after_truncate();`
}

/** The pairs the tree asks for now. */
const WANTED = `select distinct h.unit_id, c.ancestor_id from unit_heirs h join unit_closure c on c.descendant_id = h.heir_id`

/** The unit rollups of the pairs that changed: added to a new ancestor, taken from a former one. */
function moveChangedPairs(p: Pair): string {
  return `insert into ${p.target} as r (unit_id, ${p.key}, ${p.metrics.join(', ')})
      select ch.ancestor_id, s.${p.key}, ${p.metrics.map((m) => `sum(ch.sign * s.${m})`).join(', ')}
      from rollup_subtree_changes ch join ${p.source} s on s.unit_id = ch.unit_id
      group by ch.ancestor_id, s.${p.key}
      on conflict (unit_id, ${p.key}) do update set ${p.metrics.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`
}

function functions(): string {
  return `
    create function rollup_subtree_refresh() returns void language plpgsql as $$
    begin
      create temporary table rollup_subtree_changes on commit drop as
        select w.unit_id, w.ancestor_id, 1 as sign from (${WANTED} except select unit_id, ancestor_id from unit_rollup_ancestors) w
        union all
        select g.unit_id, g.ancestor_id, -1 from (select unit_id, ancestor_id from unit_rollup_ancestors except ${WANTED}) g;
      if exists (select 1 from rollup_subtree_changes) then
        ${PAIRS.map((p) => `${moveChangedPairs(p)};`).join('\n        ')}
        delete from unit_rollup_ancestors a using rollup_subtree_changes ch where ch.sign = -1 and a.unit_id = ch.unit_id and a.ancestor_id = ch.ancestor_id;
        insert into unit_rollup_ancestors (unit_id, ancestor_id) select unit_id, ancestor_id from rollup_subtree_changes where sign = 1;
      end if;
      drop table rollup_subtree_changes;
    end $$;
    create function rollup_subtree_rebuild() returns void language plpgsql as $$
    begin
      delete from unit_rollup_ancestors;
      insert into unit_rollup_ancestors (unit_id, ancestor_id) ${WANTED};
      ${PAIRS.map((p) => `delete from ${p.target};
      ${addToAncestors(p, rowsOf(p, p.source, 1))};`).join('\n      ')}
    end $$;`
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table unit_rollup_ancestors (
      unit_id integer not null references units(id),
      ancestor_id integer not null references units(id),
      primary key (unit_id, ancestor_id)
    );
    ${PAIRS.map((p) => `create table ${p.target} (like ${p.source} including defaults including constraints including indexes);
    alter table ${p.target} add foreign key (unit_id) references units(id);`).join('\n    ')}
    ${PAIRS.map(triggers).join('\n')}
    ${functions()}
    select rollup_subtree_rebuild();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${PAIRS.map((p) => `drop trigger if exists ${p.source}_subtree_insert on ${p.source};
    drop trigger if exists ${p.source}_subtree_update on ${p.source};
    drop trigger if exists ${p.source}_subtree_delete on ${p.source};
    drop trigger if exists ${p.source}_subtree_truncate on ${p.source};
    drop function if exists ${p.target}_after_insert(), ${p.target}_after_update(), ${p.target}_after_delete(), ${p.target}_after_truncate();
    drop table if exists ${p.target};`).join('\n    ')}
    drop function if exists rollup_subtree_refresh(), rollup_subtree_rebuild();
    drop table if exists unit_rollup_ancestors;
  `)
}
