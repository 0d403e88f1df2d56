import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Partial results of the Decision 766 inputs kept between questions (issue 13): what 2.1, 2.2 and
 * 5.4 count of one processing unit's dossiers at a month's end, by the successor a split named
 * them to and by the month they finished in (src/modules/index766/history-partials.ts), and the
 * received- and finished-based counts of 1.4, 3.x, 4.1–4.5b per unit and month
 * (month-partials.ts) and 3.5 C's procedures paid online (payment-partials.ts) — so a scope and period sums a few rows instead of reading every dossier.
 *
 * Exactness rests on knowing when a kept row may be stale:
 * - index766_unit_changes: a counter per unit (sharded by backend, as data_version, so a long
 *   import does not hold up other writers), moved on by statement triggers in the writer's
 *   transaction whenever a dossier of the unit, its events, or a feedback item naming it changes;
 *   unit 0 stands for every unit (the tree, successors, splits' dossier_heirs, procedure
 *   versions' time limits);
 * - index766_partials_fresh: per (unit, month end) the counters the rows were computed at and
 *   the fingerprint of the working calendar they used. A row is used only while both counters
 *   are still those and the calendar's fingerprint is the one asked with — a calendar edit
 *   recomputes what it touches, and a question with another calendar never reads them.
 * A cache: a backup does not copy them (backup-tables.ts), a restored database computes them
 * when asked.
 */
const SHARDS = 16

/** The statement triggers: the table, the event, the transition table and the units it touches. */
const TOUCHES: { table: string; event: 'insert' | 'update' | 'delete'; units: string }[] = [
  { table: 'dossiers', event: 'insert', units: `select receiving_unit_id from new_rows union select deciding_unit_id from new_rows` },
  { table: 'dossiers', event: 'delete', units: `select receiving_unit_id from old_rows union select deciding_unit_id from old_rows` },
  { table: 'dossier_events', event: 'insert', units: `select d.receiving_unit_id from dossiers d where d.id in (select dossier_id from new_rows)
      union select d.deciding_unit_id from dossiers d where d.id in (select dossier_id from new_rows)` },
  { table: 'feedback', event: 'insert', units: `select d.receiving_unit_id from dossiers d where d.code in (select dossier_code from new_rows)
      union select d.deciding_unit_id from dossiers d where d.code in (select dossier_code from new_rows)` },
  { table: 'feedback', event: 'delete', units: `select d.receiving_unit_id from dossiers d where d.code in (select dossier_code from old_rows)
      union select d.deciding_unit_id from dossiers d where d.code in (select dossier_code from old_rows)` },
]

/** Changes that may move any unit's figures: every kept row is stale after them. */
const TOUCH_ALL: { table: string; events: string }[] = [
  { table: 'dossiers', events: 'truncate' },
  { table: 'dossier_events', events: 'update or delete or truncate' },
  { table: 'feedback', events: 'truncate' },
  { table: 'dossier_heirs', events: 'insert or update or delete or truncate' },
  { table: 'unit_heirs', events: 'insert or update or delete or truncate' },
  { table: 'unit_closure', events: 'insert or update or delete or truncate' },
  { table: 'procedure_versions', events: 'update or delete or truncate' },
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table index766_unit_changes (
      unit_id integer not null,
      shard smallint not null check (shard >= 0 and shard < ${SHARDS}),
      version bigint not null,
      primary key (unit_id, shard)
    );

    -- Units in a steady order, so two writers on one shard never wait on each other crosswise.
    create function index766_touch(units integer[]) returns void language sql as $$
      insert into index766_unit_changes as c (unit_id, shard, version)
      select u, pg_backend_pid() % ${SHARDS}, 1 from (select distinct u from unnest(units) as t(u) where u is not null order by u) x
      on conflict (unit_id, shard) do update set version = c.version + 1
    $$;

    ${TOUCHES.map(({ table, event, units }) => `
    create function index766_touch_${table}_${event}() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array(${units}));
      return null;
    end $$;
    create trigger ${table}_index766_${event} after ${event} on ${table}
      referencing ${event === 'delete' ? 'old table as old_rows' : 'new table as new_rows'} for each statement execute function index766_touch_${table}_${event}();`).join('\n')}

    -- An update moves the units it leaves and the units it comes to.
    create function index766_touch_dossiers_update() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array(
        select receiving_unit_id from old_rows union select deciding_unit_id from old_rows
        union select receiving_unit_id from new_rows union select deciding_unit_id from new_rows));
      return null;
    end $$;
    create trigger dossiers_index766_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function index766_touch_dossiers_update();

    create function index766_touch_feedback_update() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array(
        select d.receiving_unit_id from dossiers d where d.code in (select dossier_code from old_rows union select dossier_code from new_rows)
        union select d.deciding_unit_id from dossiers d where d.code in (select dossier_code from old_rows union select dossier_code from new_rows)));
      return null;
    end $$;
    create trigger feedback_index766_update after update on feedback
      referencing old table as old_rows new table as new_rows for each statement execute function index766_touch_feedback_update();

    create function index766_touch_all() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array[0]);
      return null;
    end $$;
    ${TOUCH_ALL.map(({ table, events }) => `create trigger ${table}_index766_all after ${events} on ${table} for each statement execute function index766_touch_all();`).join('\n')}

    create table index766_partials_fresh (
      kind text not null,
      attribution text not null,
      unit_id integer not null,
      period_end timestamptz not null,
      unit_version bigint not null,
      all_version bigint not null,
      calendar_key text not null,
      primary key (kind, attribution, unit_id, period_end)
    );

    -- finished_month: the start of the month the dossier finished in when before period_end,
    -- 'infinity' when it had not finished by then (counted in every period ending there).
    create table index766_history_partials (
      attribution text not null,
      unit_id integer not null,
      heir_id integer not null,
      period_end timestamptz not null,
      finished_month timestamptz not null,
      dossiers integer not null,
      on_time integer not null,
      finished integer not null,
      processing_days integer not null,
      satisfied integer not null,
      before_calendar boolean not null,
      primary key (attribution, unit_id, period_end, heir_id, finished_month)
    );

    -- The received- and finished-based counts of one unit's dossiers (by the column named in
    -- unit_column), by successor, in one month (its first instant): received-based counts of the
    -- dossiers received in it, finished-based ones of those finished (or returned) in it.
    create table index766_month_partials (
      unit_column text not null,
      unit_id integer not null,
      heir_id integer not null,
      month timestamptz not null,
      synced_known integer not null, synced integer not null,
      reused_known integer not null, reused integer not null,
      linked_known integer not null, linked integer not null,
      population_known integer not null, population integer not null,
      online_eligible integer not null, online integer not null,
      digitization_eligible integer not null, digitized integer not null,
      paper_known integer not null, paper_eresult_known integer not null, eresult integer not null,
      primary key (unit_column, unit_id, month, heir_id)
    );

    -- 3.5 C: the procedures with a dossier paid online (and a fee) of a receiving unit, by
    -- successor, month paid (the payment time, else the receipt) and month received.
    create table index766_payment_partials (
      unit_id integer not null,
      heir_id integer not null,
      procedure_id integer not null,
      paid_month timestamptz not null,
      received_month timestamptz not null,
      primary key (unit_id, paid_month, heir_id, procedure_id, received_month)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${TOUCHES.map(({ table, event }) => `drop trigger if exists ${table}_index766_${event} on ${table}; drop function if exists index766_touch_${table}_${event}();`).join('\n')}
    drop trigger if exists dossiers_index766_update on dossiers; drop function if exists index766_touch_dossiers_update();
    drop trigger if exists feedback_index766_update on feedback; drop function if exists index766_touch_feedback_update();
    ${TOUCH_ALL.map(({ table }) => `drop trigger if exists ${table}_index766_all on ${table};`).join('\n')}
    drop function if exists index766_touch_all();
    drop function if exists index766_touch(integer[]);
    drop table if exists index766_history_partials;
    drop table if exists index766_month_partials;
    drop table if exists index766_payment_partials;
    drop table if exists index766_partials_fresh;
    drop table if exists index766_unit_changes;
  `)
}
