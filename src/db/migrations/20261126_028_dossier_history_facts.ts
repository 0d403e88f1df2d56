import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * What a dossier's history says for the Decision 766 judgement (2.1, 2.2, 5.4), one row per
 * dossier with events, so the judgement reads one narrow row instead of every event and its JSON:
 * - the type of its first event (a desk dossier's deadline is the appointment made at receipt);
 * - the earliest result, return and refusal moments (imports with the other system's times);
 * - its supplement requests and stretches (a request opens one unless one is open, the next
 *   "supplemented" closes it; `stretch_to` null while open), oldest first.
 * No calendar in it: the working-day arithmetic is done when asked, so a calendar edit changes
 * nothing here. Kept by a statement trigger on dossier_events in the writer's transaction (events
 * are only ever appended: each insert recomputes its dossiers' rows from all their events).
 * `rebuild_dossier_history_facts()` recomputes every row (a restore of an older backup).
 */
export const DOSSIER_HISTORY_FACTS_SELECT = (filter: string) => `
  with ev as (select e.dossier_id, e.seq, e.type, e.at, e.status_after, e.data from dossier_events e where ${filter}),
  supp as (
    select dossier_id, seq, type, at, lag(type) over (partition by dossier_id order by at, seq) as prev
    from ev where type in ('request_supplement', 'supplement_received')
  ),
  numbered as (
    select s.*, count(*) filter (where s.type = 'request_supplement' and s.prev is distinct from 'request_supplement')
      over (partition by s.dossier_id order by s.at, s.seq rows between unbounded preceding and current row) as stretch
    from supp s
  ),
  stretches as (
    select dossier_id, stretch, min(at) filter (where type = 'request_supplement') as from_at, min(at) filter (where type = 'supplement_received') as to_at
    from numbered where stretch > 0 group by dossier_id, stretch
  ),
  stretch_lists as (
    select dossier_id, array_agg(from_at order by stretch) as stretch_from, array_agg(to_at order by stretch) as stretch_to from stretches group by dossier_id
  ),
  request_lists as (
    select dossier_id, array_agg(at order by at, seq) as requests from supp where type = 'request_supplement' group by dossier_id
  ),
  moments as (
    select dossier_id,
      (array_agg(type order by seq))[1] as first_type,
      min(case when type = 'finish' then at
               when type in ('imported', 'status_synced') and status_after in ('finished', 'returned') then coalesce(dossier_history_moment(data, 'finished_at'), at) end) as result_at,
      min(case when type = 'return' then at
               when type in ('imported', 'status_synced') and status_after in ('finished', 'returned') then dossier_history_moment(data, 'returned_at') end) as returned_at,
      min(case when type in ('reject', 'withdraw') then at
               when type in ('imported', 'status_synced') and status_after in ('rejected', 'withdrawn') then coalesce(dossier_history_moment(data, 'finished_at'), at) end) as refused_at
    from ev group by dossier_id
  )
  select m.dossier_id, m.first_type, m.result_at, m.returned_at, m.refused_at, r.requests, s.stretch_from, s.stretch_to
  from moments m left join request_lists r on r.dossier_id = m.dossier_id left join stretch_lists s on s.dossier_id = m.dossier_id`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table dossier_history_facts (
      dossier_id bigint primary key references dossiers(id) on delete cascade,
      first_type text not null,
      result_at timestamptz,
      returned_at timestamptz,
      refused_at timestamptz,
      requests timestamptz[],
      stretch_from timestamptz[],
      stretch_to timestamptz[]
    );

    -- An import's time as the other system gave it (a JSON string), as the history reader takes it.
    create function dossier_history_moment(data jsonb, key text) returns timestamptz language sql immutable as $$
      select case when jsonb_typeof(data -> key) = 'string' then (data ->> key)::timestamptz end
    $$;

    create function refresh_dossier_history_facts(ids bigint[]) returns void language plpgsql as $$
    begin
      insert into dossier_history_facts as f (dossier_id, first_type, result_at, returned_at, refused_at, requests, stretch_from, stretch_to)
      ${DOSSIER_HISTORY_FACTS_SELECT('e.dossier_id = any (ids)')}
      on conflict (dossier_id) do update set first_type = excluded.first_type, result_at = excluded.result_at, returned_at = excluded.returned_at,
        refused_at = excluded.refused_at, requests = excluded.requests, stretch_from = excluded.stretch_from, stretch_to = excluded.stretch_to;
    end $$;

    create function rebuild_dossier_history_facts() returns void language plpgsql as $$
    begin
      delete from dossier_history_facts;
      insert into dossier_history_facts (dossier_id, first_type, result_at, returned_at, refused_at, requests, stretch_from, stretch_to)
      ${DOSSIER_HISTORY_FACTS_SELECT('true')};
    end $$;

    create function dossier_history_facts_after_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from new_events) then
        perform refresh_dossier_history_facts((select array_agg(distinct dossier_id) from new_events));
      end if;
      return null;
    end $$;
    create trigger dossier_events_history_facts after insert on dossier_events
      referencing new table as new_events for each statement execute function dossier_history_facts_after_insert();

    select rebuild_dossier_history_facts();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists dossier_events_history_facts on dossier_events;
    drop function if exists dossier_history_facts_after_insert();
    drop function if exists refresh_dossier_history_facts(bigint[]);
    drop function if exists rebuild_dossier_history_facts();
    drop function if exists dossier_history_moment(jsonb, text);
    drop table if exists dossier_history_facts;
  `)
}
