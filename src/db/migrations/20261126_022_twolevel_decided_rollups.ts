import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Receiving unit and deciding unit (Decree 118/2025: a dossier may be received at any commune of
 * the province): the finished-based sums and the overdue counters again, per DECIDING unit and
 * Vietnam day (and month), kept by statement triggers the same way as migration 002's. Asked
 * "by the decider", processing and lateness count here; reception always counts at the receiver.
 */
const METRICS = ['finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied', 'overdue_enter', 'overdue_exit']

function upsert(table: string, key: string, select: string): string {
  return `insert into ${table} as r (unit_id, ${key}, ${METRICS.join(', ')})
      ${select}
      on conflict (unit_id, ${key}) do update set ${METRICS.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`
}

function contributionInsert(source: string, sign: number): string {
  return `
      with contrib as (
        select c.unit_id, c.day, ${METRICS.map((m) => `${sign} * sum(c.${m}) as ${m}`).join(', ')}
        from ${source} d
        cross join lateral (
          select d.status in ('finished', 'returned') and d.finished_at is not null as completed,
                 case when d.status in ('finished', 'returned', 'rejected', 'withdrawn') then d.finished_at end as ended_at
        ) s
        cross join lateral (values
          (d.deciding_unit_id, case when s.completed then vn_day(d.finished_at) end,
            1, d.result_digitized::int, (d.due_at is null or d.finished_at <= d.due_at)::int, coalesce(d.finished_at > d.due_at, false)::int,
            (d.rating is not null)::int, coalesce(d.rating in ('satisfied', 'very_satisfied'), false)::int, 0, 0),
          (d.deciding_unit_id, case when d.due_at is not null then vn_day(greatest(d.received_at, d.due_at)) end, 0, 0, 0, 0, 0, 0, 1, 0),
          (d.deciding_unit_id, case when d.due_at is not null and s.ended_at is not null then vn_day(greatest(d.received_at, d.due_at, s.ended_at)) end,
            0, 0, 0, 0, 0, 0, 0, 1)
        ) as c(unit_id, day, ${METRICS.join(', ')})
        where c.day is not null
        group by c.unit_id, c.day
      ),
      daily as (
        ${upsert('rollup_decided_daily', 'day', `select unit_id, day, ${METRICS.join(', ')} from contrib`)}
      )
      ${upsert('rollup_decided_monthly', 'month', `select unit_id, date_trunc('month', day)::date, ${METRICS.map((m) => `sum(${m})`).join(', ')} from contrib group by 1, 2`)}`
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table rollup_decided_daily (
      unit_id integer not null references units(id),
      day date not null,
      ${METRICS.map((m) => `${m} integer not null default 0`).join(',\n      ')},
      primary key (unit_id, day)
    );
    create table rollup_decided_monthly (like rollup_decided_daily including all);
    alter table rollup_decided_monthly rename column day to month;
    alter table rollup_decided_monthly add foreign key (unit_id) references units(id);
    create function rollup_decided_after_insert() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('new_rows', 1)};
      return null;
    end $$;
    create function rollup_decided_after_update() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('old_rows', -1)};
      ${contributionInsert('new_rows', 1)};
      return null;
    end $$;
    create function rollup_decided_after_delete() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('old_rows', -1)};
      return null;
    end $$;
    create trigger dossiers_rollup_decided_insert after insert on dossiers
      referencing new table as new_rows for each statement execute function rollup_decided_after_insert();
    create trigger dossiers_rollup_decided_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function rollup_decided_after_update();
    create trigger dossiers_rollup_decided_delete after delete on dossiers
      referencing old table as old_rows for each statement execute function rollup_decided_after_delete();
    ${contributionInsert('dossiers', 1)};
    -- An import may name the deciding unit (dossiers.csv deciding_unit_code); empty: the receiver.
    alter table import_dossier_rows add column deciding_unit_id integer;
    create trigger rollup_decided_daily_data_version after insert or update or delete or truncate on rollup_decided_daily
      for each statement execute function bump_data_version();
    create trigger rollup_decided_monthly_data_version after insert or update or delete or truncate on rollup_decided_monthly
      for each statement execute function bump_data_version();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists dossiers_rollup_decided_insert on dossiers;
    drop trigger if exists dossiers_rollup_decided_update on dossiers;
    drop trigger if exists dossiers_rollup_decided_delete on dossiers;
    drop function if exists rollup_decided_after_insert(), rollup_decided_after_update(), rollup_decided_after_delete();
    drop table if exists rollup_decided_daily, rollup_decided_monthly;
    alter table import_dossier_rows drop column if exists deciding_unit_id;
  `)
}
