import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Rollups: per receiving unit and Vietnam day, the sums every indicator is made of. Each
 * dossier adds to the day it was received (received-based figures), the day it was finished
 * (finished-based figures), and to the overdue counters:
 *   overdue_open(T) = #{max(received, due) ≤ T} − #{ended and max(received, due, ended) ≤ T}
 * so a running sum of (overdue_enter − overdue_exit) up to T is the number overdue at T.
 * Statement-level triggers with transition tables keep them right in the same transaction
 * as any change to dossiers, whatever made it (import, desk, SQL), set-wise.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table rollup_daily (
      unit_id integer not null references units(id),
      day date not null,
      received integer not null default 0,
      online_eligible integer not null default 0,
      online integer not null default 0,
      digitization_eligible integer not null default 0,
      fully_digitized integer not null default 0,
      fee_eligible integer not null default 0,
      paid_online integer not null default 0,
      ecert_copies integer not null default 0,
      finished integer not null default 0,
      result_digitized integer not null default 0,
      on_time integer not null default 0,
      late integer not null default 0,
      rated integer not null default 0,
      satisfied integer not null default 0,
      overdue_enter integer not null default 0,
      overdue_exit integer not null default 0,
      primary key (unit_id, day)
    );

    -- The same sums per month (month = its first day), so a year reads 12 rows, not 365.
    create table rollup_monthly (like rollup_daily including all);
    alter table rollup_monthly rename column day to month;
    alter table rollup_monthly add foreign key (unit_id) references units(id);

    -- The Vietnam calendar day of an instant (UTC+7, no daylight saving).
    create function vn_day(t timestamptz) returns date language sql immutable parallel safe as $$
      select ((t at time zone 'UTC') + interval '7 hours')::date
    $$;

  `)
  await runSqlScript(db, triggerScript())
}

const METRICS = [
  'received', 'online_eligible', 'online', 'digitization_eligible', 'fully_digitized', 'fee_eligible', 'paid_online', 'ecert_copies',
  'finished', 'result_digitized', 'on_time', 'late', 'rated', 'satisfied', 'overdue_enter', 'overdue_exit',
]

function upsert(table: string, key: string, select: string): string {
  return `insert into ${table} as r (unit_id, ${key}, ${METRICS.join(', ')})
      ${select}
      on conflict (unit_id, ${key}) do update set ${METRICS.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ')}`
}

/**
 * What the dossier rows in `source` add to (sign 1) or take from (sign −1) the rollups: each
 * row's contributions are summed per unit and day once, then added to the daily rollup and,
 * grouped by month, to the monthly one — one statement, one pass over the rows.
 */
function contributionInsert(source: string, sign: number): string {
  return `
      with contrib as (
        select c.unit_id, c.day, ${METRICS.map((m) => `${sign} * sum(c.${m}) as ${m}`).join(', ')}
        from ${source} d
        join procedure_versions pv on pv.id = d.procedure_version_id
        cross join lateral (
          select d.status in ('finished', 'returned') and d.finished_at is not null as completed,
                 case when d.status in ('finished', 'returned', 'rejected', 'withdrawn') then d.finished_at end as ended_at
        ) s
        cross join lateral (values
          (d.receiving_unit_id, vn_day(d.received_at), 1,
            (pv.online_level in ('full', 'partial'))::int, (pv.online_level in ('full', 'partial') and d.channel = 'online')::int,
            (d.components_total > 0)::int, (d.components_total > 0 and d.components_digitized = d.components_total)::int,
            (d.fee_vnd > 0)::int, (d.fee_vnd > 0 and d.paid_online)::int, d.ecert_copies,
            0, 0, 0, 0, 0, 0, 0, 0),
          (d.receiving_unit_id, case when s.completed then vn_day(d.finished_at) end, 0, 0, 0, 0, 0, 0, 0, 0,
            1, d.result_digitized::int, (d.due_at is null or d.finished_at <= d.due_at)::int, coalesce(d.finished_at > d.due_at, false)::int,
            (d.rating is not null)::int, coalesce(d.rating in ('satisfied', 'very_satisfied'), false)::int, 0, 0),
          (d.receiving_unit_id, case when d.due_at is not null then vn_day(greatest(d.received_at, d.due_at)) end,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
          (d.receiving_unit_id, case when d.due_at is not null and s.ended_at is not null then vn_day(greatest(d.received_at, d.due_at, s.ended_at)) end,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
        ) as c(unit_id, day, ${METRICS.join(', ')})
        where c.day is not null
        group by c.unit_id, c.day
      ),
      daily as (
        ${upsert('rollup_daily', 'day', `select unit_id, day, ${METRICS.join(', ')} from contrib`)}
      )
      ${upsert('rollup_monthly', 'month', `select unit_id, date_trunc('month', day)::date, ${METRICS.map((m) => `sum(${m})`).join(', ')} from contrib group by 1, 2`)}`
}

function triggerScript(): string {
  return `
    create function rollup_after_insert() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('new_rows', 1)};
      return null;
    end $$;
    create function rollup_after_update() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('old_rows', -1)};
      ${contributionInsert('new_rows', 1)};
      return null;
    end $$;
    create function rollup_after_delete() returns trigger language plpgsql as $$
    begin
      ${contributionInsert('old_rows', -1)};
      return null;
    end $$;
    create trigger dossiers_rollup_insert after insert on dossiers
      referencing new table as new_rows for each statement execute function rollup_after_insert();
    create trigger dossiers_rollup_update after update on dossiers
      referencing old table as old_rows new table as new_rows for each statement execute function rollup_after_update();
    create trigger dossiers_rollup_delete after delete on dossiers
      referencing old table as old_rows for each statement execute function rollup_after_delete();
    ${contributionInsert('dossiers', 1)};
  `
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists dossiers_rollup_insert on dossiers;
    drop trigger if exists dossiers_rollup_update on dossiers;
    drop trigger if exists dossiers_rollup_delete on dossiers;
    drop function if exists rollup_after_insert(), rollup_after_update(), rollup_after_delete();
    drop table if exists rollup_daily, rollup_monthly;
    drop function if exists vn_day(timestamptz);
  `)
}
