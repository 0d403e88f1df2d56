import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Which units had e-certified copies, per ancestor (issue 13): ecert_units counts the communes
 * of a subtree with copies, which no sum can say, so a province used to ask each of its 240
 * communes. These tables keep, for every ancestor, the units of its subtree (the pairs of
 * unit_rollup_ancestors) on each day and month they had copies:
 *   ecert_subtree_daily(X, day, u)   ⇔ rollup_daily(u, day).ecert_copies > 0   and (u, X) a pair
 *   ecert_subtree_monthly(X, month, u) ⇔ rollup_monthly(u, month).ecert_copies > 0 and (u, X) a pair
 * so a subtree's communes with copies in a range are one index range scan of its own rows.
 * Kept by statement triggers on the unit rollups (only rows whose "has copies" changed), moved by
 * rollup_subtree_refresh() when the tree changes and rebuilt by rollup_subtree_rebuild(): both
 * now run the sums' versions of 023 (renamed *_sums) and then these tables' part.
 */
interface Presence {
  source: string
  target: string
  key: 'day' | 'month'
}

const PRESENCE: readonly Presence[] = [
  { source: 'rollup_daily', target: 'ecert_subtree_daily', key: 'day' },
  { source: 'rollup_monthly', target: 'ecert_subtree_monthly', key: 'month' },
]

/** Rows of a transition table that have copies. */
const withCopies = (p: Presence, rows: string) => `select unit_id, ${p.key} from ${rows} where ecert_copies > 0`

function triggers(p: Presence): string {
  // Rows that gained copies get their ancestors' rows; rows that lost them lose those rows.
  const gained = (newRows: string, oldRows: string | null) =>
    `insert into ${p.target} (ancestor_id, ${p.key}, unit_id)
      select a.ancestor_id, g.${p.key}, g.unit_id
      from (${withCopies(p, newRows)}${oldRows ? ` except ${withCopies(p, oldRows)}` : ''}) g
      join unit_rollup_ancestors a on a.unit_id = g.unit_id
      on conflict do nothing`
  const lost = (oldRows: string, newRows: string | null) =>
    `delete from ${p.target} e using (${withCopies(p, oldRows)}${newRows ? ` except ${withCopies(p, newRows)}` : ''}) l
      where e.unit_id = l.unit_id and e.${p.key} = l.${p.key}`
  return `
    create function ${p.target}_after_insert() returns trigger language plpgsql as $$
    begin
      ${gained('new_rows', null)};
      return null;
    end $$;
    create function ${p.target}_after_update() returns trigger language plpgsql as $$
    begin
      ${lost('old_rows', 'new_rows')};
      ${gained('new_rows', 'old_rows')};
      return null;
    end $$;
    create function ${p.target}_after_delete() returns trigger language plpgsql as $$
    begin
      ${lost('old_rows', null)};
      return null;
    end $$;
    create function ${p.target}_after_truncate() returns trigger language plpgsql as $$
    begin
      truncate ${p.target};
      return null;
    end $$;
    create trigger ${p.source}_ecert_insert after insert on ${p.source}
      referencing new table as new_rows for each statement execute function ${p.target}_after_insert();
    create trigger ${p.source}_ecert_update after update on ${p.source}
      referencing old table as old_rows new table as new_rows for each statement execute function ${p.target}_after_update();
    create trigger ${p.source}_ecert_delete after delete on ${p.source}
      referencing old table as old_rows for each statement execute function ${p.target}_after_delete();
    create trigger ${p.source}_ecert_truncate after truncate on ${p.source}
      for each statement execute function ${p.target}_after_truncate();`
}

/** The pairs the tree asks for now (as 023). */
const WANTED = `select distinct h.unit_id, c.ancestor_id from unit_heirs h join unit_closure c on c.descendant_id = h.heir_id`

function functions(): string {
  // Run before the sums' refresh, which brings unit_rollup_ancestors up to the tree.
  const move = (p: Presence) => `
      delete from ${p.target} e using (select unit_id, ancestor_id from unit_rollup_ancestors except ${WANTED}) g
        where e.ancestor_id = g.ancestor_id and e.unit_id = g.unit_id;
      insert into ${p.target} (ancestor_id, ${p.key}, unit_id)
        select w.ancestor_id, s.${p.key}, s.unit_id
        from (${WANTED} except select unit_id, ancestor_id from unit_rollup_ancestors) w
        join ${p.source} s on s.unit_id = w.unit_id
        where s.ecert_copies > 0
        on conflict do nothing;`
  const rebuild = (p: Presence) => `
      delete from ${p.target};
      insert into ${p.target} (ancestor_id, ${p.key}, unit_id)
        select a.ancestor_id, s.${p.key}, s.unit_id from ${p.source} s join unit_rollup_ancestors a on a.unit_id = s.unit_id
        where s.ecert_copies > 0;`
  return `
    alter function rollup_subtree_refresh() rename to rollup_subtree_refresh_sums;
    alter function rollup_subtree_rebuild() rename to rollup_subtree_rebuild_sums;
    create function rollup_subtree_refresh() returns void language plpgsql as $$
    begin
      ${PRESENCE.map(move).join('\n')}
      perform rollup_subtree_refresh_sums();
    end $$;
    create function rollup_subtree_rebuild() returns void language plpgsql as $$
    begin
      perform rollup_subtree_rebuild_sums();
      ${PRESENCE.map(rebuild).join('\n')}
    end $$;`
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${PRESENCE.map((p) => `create table ${p.target} (
      ancestor_id integer not null references units(id),
      ${p.key} date not null,
      unit_id integer not null references units(id),
      primary key (ancestor_id, ${p.key}, unit_id)
    );
    create index ${p.target}_unit on ${p.target} (unit_id, ${p.key});`).join('\n    ')}
    ${PRESENCE.map(triggers).join('\n')}
    ${functions()}
    ${PRESENCE.map((p) => `insert into ${p.target} (ancestor_id, ${p.key}, unit_id)
      select a.ancestor_id, s.${p.key}, s.unit_id from ${p.source} s join unit_rollup_ancestors a on a.unit_id = s.unit_id
      where s.ecert_copies > 0;`).join('\n    ')}
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${PRESENCE.map((p) => `drop trigger if exists ${p.source}_ecert_insert on ${p.source};
    drop trigger if exists ${p.source}_ecert_update on ${p.source};
    drop trigger if exists ${p.source}_ecert_delete on ${p.source};
    drop trigger if exists ${p.source}_ecert_truncate on ${p.source};
    drop function if exists ${p.target}_after_insert(), ${p.target}_after_update(), ${p.target}_after_delete(), ${p.target}_after_truncate();
    drop table if exists ${p.target};`).join('\n    ')}
    drop function if exists rollup_subtree_refresh(), rollup_subtree_rebuild();
    alter function rollup_subtree_refresh_sums() rename to rollup_subtree_refresh;
    alter function rollup_subtree_rebuild_sums() rename to rollup_subtree_rebuild;
  `)
}
