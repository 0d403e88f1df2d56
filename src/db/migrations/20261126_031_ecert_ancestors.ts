import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Which units had e-certified copies, per ancestor (issue 13): ecert_units counts the communes
 * of a subtree with copies, which no sum can say, so a province used to ask each of its 240
 * communes. ecert_subtree_years keeps, for every ancestor and year, one row per unit of its
 * subtree (the pairs of unit_rollup_ancestors, the ancestor itself included) with a bitmap of
 * the year's days (bit n = the year's day n + 1) on which the unit had copies:
 *   bit d of ecert_subtree_years(X, year, u).days ⇔ rollup_daily(u, day d).ecert_copies > 0
 * Rows without any bit set are not kept. "Had copies in a range" is then a mask test on one row
 * per unit and year: a province's year reads ~240 rows, whatever the period.
 * Kept by statement triggers on rollup_daily (only rows whose "has copies" changed), moved by
 * rollup_subtree_refresh() when the tree changes and rebuilt by rollup_subtree_rebuild(): both
 * now run the sums' versions of 029 (renamed *_sums) and this table's part.
 */
const EMPTY = `repeat('0', 366)::bit(366)`

/** (unit_id, year, bits): each (unit, day) of `keyed` as its bit, or-ed per unit and year. */
const bitsOf = (keyed: string) => `
  select unit_id, extract(year from day)::int as year,
    bit_or(set_bit(${EMPTY}, day - make_date(extract(year from day)::int, 1, 1), 1)) as bits
  from (${keyed}) k group by 1, 2`

/** Rows of a transition table (or rollup_daily) that have copies. */
const withCopies = (rows: string) => `select unit_id, day from ${rows} where ecert_copies > 0`

/** Adds the bits of `keyed` to the rows of each unit's ancestors (pairs from `pairs`). */
const addBits = (keyed: string, pairs: string) => `
  insert into ecert_subtree_years as r (ancestor_id, year, unit_id, days)
    select a.ancestor_id, b.year, b.unit_id, b.bits from (${bitsOf(keyed)}) b join (${pairs}) a on a.unit_id = b.unit_id
    on conflict (ancestor_id, year, unit_id) do update set days = r.days | excluded.days`

const ALL_PAIRS = 'select unit_id, ancestor_id from unit_rollup_ancestors'

function triggers(): string {
  // Days that gained copies set their bits on every ancestor's row; days that lost them clear them.
  const lost = (oldRows: string, newRows: string | null) => `
      update ecert_subtree_years r set days = r.days & ~l.bits
        from (${bitsOf(`${withCopies(oldRows)}${newRows ? ` except ${withCopies(newRows)}` : ''}`)}) l
        where r.unit_id = l.unit_id and r.year = l.year;
      delete from ecert_subtree_years e using (select distinct unit_id, extract(year from day)::int as year from (${withCopies(oldRows)}) x) o
        where e.unit_id = o.unit_id and e.year = o.year and position(B'1' in e.days) = 0`
  const gained = (newRows: string, oldRows: string | null) =>
    addBits(`${withCopies(newRows)}${oldRows ? ` except ${withCopies(oldRows)}` : ''}`, ALL_PAIRS)
  return `
    create function ecert_subtree_years_after_insert() returns trigger language plpgsql as $$
    begin
      ${gained('new_rows', null)};
      return null;
    end $$;
    create function ecert_subtree_years_after_update() returns trigger language plpgsql as $$
    begin
      ${lost('old_rows', 'new_rows')};
      ${gained('new_rows', 'old_rows')};
      return null;
    end $$;
    create function ecert_subtree_years_after_delete() returns trigger language plpgsql as $$
    begin
      ${lost('old_rows', null)};
      return null;
    end $$;
    create function ecert_subtree_years_after_truncate() returns trigger language plpgsql as $$
    begin
      truncate ecert_subtree_years;
      return null;
    end $$;
    create trigger rollup_daily_ecert_insert after insert on rollup_daily
      referencing new table as new_rows for each statement execute function ecert_subtree_years_after_insert();
    create trigger rollup_daily_ecert_update after update on rollup_daily
      referencing old table as old_rows new table as new_rows for each statement execute function ecert_subtree_years_after_update();
    create trigger rollup_daily_ecert_delete after delete on rollup_daily
      referencing old table as old_rows for each statement execute function ecert_subtree_years_after_delete();
    create trigger rollup_daily_ecert_truncate after truncate on rollup_daily
      for each statement execute function ecert_subtree_years_after_truncate();`
}

/** The pairs the tree asks for now (as 029). */
const WANTED = `select distinct h.unit_id, c.ancestor_id from unit_heirs h join unit_closure c on c.descendant_id = h.heir_id`

function functions(): string {
  return `
    alter function rollup_subtree_refresh() rename to rollup_subtree_refresh_sums;
    alter function rollup_subtree_rebuild() rename to rollup_subtree_rebuild_sums;
    -- Before the sums' refresh, which brings unit_rollup_ancestors up to the tree.
    create function rollup_subtree_refresh() returns void language plpgsql as $$
    begin
      delete from ecert_subtree_years e using (${ALL_PAIRS} except ${WANTED}) g
        where e.ancestor_id = g.ancestor_id and e.unit_id = g.unit_id;
      ${addBits(`${withCopies('rollup_daily')} and unit_id in (select unit_id from (${WANTED} except ${ALL_PAIRS}) w)`, `${WANTED} except ${ALL_PAIRS}`)};
      perform rollup_subtree_refresh_sums();
    end $$;
    create function rollup_subtree_rebuild() returns void language plpgsql as $$
    begin
      perform rollup_subtree_rebuild_sums();
      delete from ecert_subtree_years;
      ${addBits(withCopies('rollup_daily'), ALL_PAIRS)};
    end $$;`
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table ecert_subtree_years (
      ancestor_id integer not null references units(id),
      year integer not null,
      unit_id integer not null references units(id),
      days bit(366) not null,
      primary key (ancestor_id, year, unit_id)
    );
    create index ecert_subtree_years_unit on ecert_subtree_years (unit_id, year);
    ${triggers()}
    ${functions()}
    ${addBits(withCopies('rollup_daily'), ALL_PAIRS)};
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists rollup_daily_ecert_insert on rollup_daily;
    drop trigger if exists rollup_daily_ecert_update on rollup_daily;
    drop trigger if exists rollup_daily_ecert_delete on rollup_daily;
    drop trigger if exists rollup_daily_ecert_truncate on rollup_daily;
    drop function if exists ecert_subtree_years_after_insert(), ecert_subtree_years_after_update(), ecert_subtree_years_after_delete(), ecert_subtree_years_after_truncate();
    drop table if exists ecert_subtree_years;
    drop function if exists rollup_subtree_refresh(), rollup_subtree_rebuild();
    alter function rollup_subtree_refresh_sums() rename to rollup_subtree_refresh;
    alter function rollup_subtree_rebuild_sums() rename to rollup_subtree_rebuild;
  `)
}
