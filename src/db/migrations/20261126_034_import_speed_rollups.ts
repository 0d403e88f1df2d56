import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'
import { DOSSIER_HISTORY_FACTS_SELECT } from './20261126_028_dossier_history_facts.js'

/*
 * One pass over the changed dossiers for both rollups (issue 13: the import's merge spent most of
 * its time in the rollup triggers). Migrations 002 and 022 each read the transition tables
 * (an update: old rows, then new rows, as two statements each) and made every row's Vietnam days
 * again. These triggers replace both:
 *   - each changed row's four days (received, finished, entered overdue, left overdue) are made
 *     once, and its contributions summed per (receiving unit, deciding unit, day) once;
 *   - an update's old rows (−1) and new rows (+1) are one set: contributions that cancel (a row
 *     whose rollup columns did not change) write nothing, nor do statements that changed no row;
 *   - the four unit rollups are then upserted from that one sum: received-based and finished-based
 *     sums per receiving unit, finished-based sums per deciding unit (rows with something to add).
 * The sums written are those of 002 and 022 (the per-ancestor and e-copy triggers of 029 and 031
 * on the unit rollups see the same changes, less the rows that added zero).
 * The history facts trigger (028) finds its dossiers by a join on the new events rather than
 * an array of their ids.
 * The rollup tables lose their foreign keys to units: each check repeated one already made — a
 * unit rollup row's unit is a dossier's receiving or deciding unit (keys of dossiers, checked
 * when the dossier was written), a per-ancestor row's unit an ancestor of unit_rollup_ancestors
 * (its key) — and cost a probe per row written (an import of 50 000 dossiers wrote ~400 000).
 * No unit is ever deleted: one named by a dossier or by unit_rollup_ancestors cannot be.
 */
const RECEIVED = ['received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies']
const DECIDED = ['finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied', 'overdue_enter', 'overdue_exit']
const ALL = [...RECEIVED, ...DECIDED]

const nonZero = (metrics: readonly string[], prefix = '') => metrics.map((m) => `${prefix}${m} <> 0`).join(' or ')

/** The rollup columns of a transition table's rows, signed. */
export const signedRows = (table: string, sign: number) => `select ${sign} as sign, receiving_unit_id, deciding_unit_id, procedure_version_id, channel,
        components_total, components_digitized, fee_vnd, paid_online, ecert_copies, status, received_at, due_at, finished_at, result_digitized, rating
      from ${table}`

function upsert(table: string, key: string, metrics: readonly string[], select: string): string {
  return `insert into ${table} as r (unit_id, ${key}, ${metrics.join(', ')})
      ${select}
      on conflict (unit_id, ${key}) do update set ${metrics.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`
}

/** Sums of `metrics` from `contrib` per `unit` and day or month, rows that add nothing left out. */
function grouped(unit: string, metrics: readonly string[], month: boolean): string {
  const key = month ? `date_trunc('month', day)::date` : 'day'
  return `select ${unit}, ${key}, ${metrics.map((m) => `sum(${m})::int`).join(', ')} from contrib
        where ${nonZero(metrics)} group by 1, 2 having ${metrics.map((m) => `sum(${m}) <> 0`).join(' or ')}`
}

/** Each changed row once: its sign, units, the values its sums add and its four Vietnam days. */
function changedRows(sources: readonly string[]): string {
  return `select d.sign, d.receiving_unit_id, d.deciding_unit_id,
          (pv.online_level in ('full', 'partial'))::int as online_eligible, (pv.online_level in ('full', 'partial') and d.channel = 'online')::int as online,
          (d.components_total > 0)::int as digitization_eligible, (d.components_total > 0 and d.components_digitized = d.components_total)::int as fully_digitized,
          (d.fee_vnd > 0)::int as fee_eligible, (d.fee_vnd > 0 and d.paid_online)::int as paid_online, d.ecert_copies,
          d.result_digitized::int as result_digitized, (d.due_at is null or d.finished_at <= d.due_at)::int as on_time, coalesce(d.finished_at > d.due_at, false)::int as late,
          (d.rating is not null)::int as rated, coalesce(d.rating in ('satisfied', 'very_satisfied'), false)::int as satisfied,
          vn_day(d.received_at) as received_day,
          case when s.completed then vn_day(d.finished_at) end as finished_day,
          case when d.due_at is not null then vn_day(greatest(d.received_at, d.due_at)) end as enter_day,
          case when d.due_at is not null and s.ended_at is not null then vn_day(greatest(d.received_at, d.due_at, s.ended_at)) end as exit_day
        from (${sources.join(' union all ')}) d
        join procedure_versions pv on pv.id = d.procedure_version_id
        cross join lateral (
          select d.status in ('finished', 'returned') and d.finished_at is not null as completed,
                 case when d.status in ('finished', 'returned', 'rejected', 'withdrawn') then d.finished_at end as ended_at
        ) s`
}

/** One contribution per changed row and day it adds to: the metrics of that day, zeros elsewhere. */
function contributions(): string {
  const of = (day: string, values: Record<string, string>, where: string | null) =>
    `select receiving_unit_id, deciding_unit_id, ${day} as day, ${ALL.map((m) => values[m] ?? '0').join(', ')} from changed${where ? ` where ${where}` : ''}`
  const received = Object.fromEntries(RECEIVED.map((m) => [m, `sign * ${m}`]))
  received.received = 'sign'
  const finished = Object.fromEntries(DECIDED.slice(0, 6).map((m) => [m, `sign * ${m}`]))
  finished.finished = 'sign'
  return [
    of('received_day', received, null),
    of('finished_day', finished, 'finished_day is not null'),
    of('enter_day', { overdue_enter: 'sign' }, 'enter_day is not null'),
    of('exit_day', { overdue_exit: 'sign' }, 'exit_day is not null'),
  ].join('\n        union all ')
}

/** Adds what the rows of `sources` (signed row sets) contribute to the four unit rollups. */
export function contributionUpsert(sources: readonly string[]): string {
  return `
      with changed as materialized (${changedRows(sources)}),
      parts (receiving_unit_id, deciding_unit_id, day, ${ALL.join(', ')}) as (${contributions()}),
      contrib as materialized (
        select receiving_unit_id, deciding_unit_id, day, ${ALL.map((m) => `sum(${m})::int as ${m}`).join(', ')}
        from parts
        group by receiving_unit_id, deciding_unit_id, day
        having ${ALL.map((m) => `sum(${m}) <> 0`).join(' or ')}
      ),
      daily as (${upsert('rollup_daily', 'day', ALL, grouped('receiving_unit_id', ALL, false))}),
      monthly as (${upsert('rollup_monthly', 'month', ALL, grouped('receiving_unit_id', ALL, true))}),
      decided_daily as (${upsert('rollup_decided_daily', 'day', DECIDED, grouped('deciding_unit_id', DECIDED, false))})
      ${upsert('rollup_decided_monthly', 'month', DECIDED, grouped('deciding_unit_id', DECIDED, true))}`
}

const ROLLUP_TABLES = [
  'rollup_daily', 'rollup_monthly', 'rollup_decided_daily', 'rollup_decided_monthly',
  'rollup_subtree_daily', 'rollup_subtree_monthly', 'rollup_decided_subtree_daily', 'rollup_decided_subtree_monthly',
]

const OLD_TRIGGERS = [
  'dossiers_rollup_insert', 'dossiers_rollup_update', 'dossiers_rollup_delete',
  'dossiers_rollup_decided_insert', 'dossiers_rollup_decided_update', 'dossiers_rollup_decided_delete',
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${OLD_TRIGGERS.map((t) => `drop trigger ${t} on dossiers;`).join('\n    ')}
    ${ROLLUP_TABLES.map((t) => `alter table ${t} drop constraint ${t}_unit_id_fkey;`).join('\n    ')}
    create function rollup_dossiers_after_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows) then
        ${contributionUpsert([signedRows('new_rows', 1)])};
      end if;
      return null;
    end $$;
    create function rollup_dossiers_after_update() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_rows) then
        ${contributionUpsert([signedRows('old_rows', -1), signedRows('new_rows', 1)])};
      end if;
      return null;
    end $$;
    create function rollup_dossiers_after_delete() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from old_rows) then
        ${contributionUpsert([signedRows('old_rows', -1)])};
      end if;
      return null;
    end $$;
    create trigger dossiers_rollups_insert after insert on dossiers
      referencing new table as new_rows for each statement execute function rollup_dossiers_after_insert();
    create trigger dossiers_rollups_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function rollup_dossiers_after_update();
    create trigger dossiers_rollups_delete after delete on dossiers
      referencing old table as old_rows for each statement execute function rollup_dossiers_after_delete();

    create or replace function dossier_history_facts_after_insert() returns trigger language plpgsql as $$
    begin
      insert into dossier_history_facts as f (dossier_id, first_type, result_at, returned_at, refused_at, requests, stretch_from, stretch_to)
      ${DOSSIER_HISTORY_FACTS_SELECT('e.dossier_id in (select dossier_id from new_events)')}
      on conflict (dossier_id) do update set first_type = excluded.first_type, result_at = excluded.result_at, returned_at = excluded.returned_at,
        refused_at = excluded.refused_at, requests = excluded.requests, stretch_from = excluded.stretch_from, stretch_to = excluded.stretch_to;
      return null;
    end $$;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists dossiers_rollups_insert on dossiers;
    drop trigger if exists dossiers_rollups_update on dossiers;
    drop trigger if exists dossiers_rollups_delete on dossiers;
    drop function if exists rollup_dossiers_after_insert(), rollup_dossiers_after_update(), rollup_dossiers_after_delete();
    ${ROLLUP_TABLES.map((t) => `alter table ${t} add constraint ${t}_unit_id_fkey foreign key (unit_id) references units(id);`).join('\n    ')}
    create trigger dossiers_rollup_insert after insert on dossiers
      referencing new table as new_rows for each statement execute function rollup_after_insert();
    create trigger dossiers_rollup_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function rollup_after_update();
    create trigger dossiers_rollup_delete after delete on dossiers
      referencing old table as old_rows for each statement execute function rollup_after_delete();
    create trigger dossiers_rollup_decided_insert after insert on dossiers
      referencing new table as new_rows for each statement execute function rollup_decided_after_insert();
    create trigger dossiers_rollup_decided_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function rollup_decided_after_update();
    create trigger dossiers_rollup_decided_delete after delete on dossiers
      referencing old table as old_rows for each statement execute function rollup_decided_after_delete();
    create or replace function dossier_history_facts_after_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_events) then
        perform refresh_dossier_history_facts((select array_agg(distinct dossier_id) from new_events));
      end if;
      return null;
    end $$;
  `)
}
