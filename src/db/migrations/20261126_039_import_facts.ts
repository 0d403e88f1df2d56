import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'
import { DOSSIER_HISTORY_FACTS_SELECT } from './20261126_028_dossier_history_facts.js'

/*
 * The import's history triggers on dossier_events made cheaper (issue 13), their results unchanged:
 * - History facts (028, 034): a dossier whose one event in the statement is its first (it has no
 *   facts row yet: the trigger writes one for every dossier with events, a restore copies or
 *   rebuilds them) gets its row from that event alone — no window, no read of dossier_events. An
 *   import's new dossiers are all such (one `imported` event each). A dossier with earlier events
 *   or several in the statement is recomputed from all its events, as before.
 * - An import's moment (028's `dossier_history_moment`) is declared STABLE, as its text-to-time cast
 *   is: PostgreSQL inlines an SQL function only when the expression is no less volatile than the
 *   function says, so the IMMUTABLE one ran as a function call per event (most of the facts'
 *   cost). Nothing indexes it; its result is the same.
 * - The Decision 766 change counters (033): the units of the statement's dossiers in one pass over
 *   dossiers (the distinct (receiving, deciding) pairs) instead of one semi-join per unit column.
 */

/** The facts row of a dossier whose only event is `n`: 028's aggregates over one event. */
const ONE_EVENT_FACTS = `select n.dossier_id, n.type,
        case when n.type = 'finish' then n.at
             when n.type in ('imported', 'status_synced') and n.status_after in ('finished', 'returned') then coalesce(dossier_history_moment(n.data, 'finished_at'), n.at) end,
        case when n.type = 'return' then n.at
             when n.type in ('imported', 'status_synced') and n.status_after in ('finished', 'returned') then dossier_history_moment(n.data, 'returned_at') end,
        case when n.type in ('reject', 'withdraw') then n.at
             when n.type in ('imported', 'status_synced') and n.status_after in ('rejected', 'withdrawn') then coalesce(dossier_history_moment(n.data, 'finished_at'), n.at) end,
        case when n.type = 'request_supplement' then array[n.at] end,
        case when n.type = 'request_supplement' then array[n.at] end,
        case when n.type = 'request_supplement' then array[null::timestamptz] end
      from new_events n`

/** 028's reading of an import's moment (a JSON string), with the volatility given. */
const moment = (volatility: 'stable' | 'immutable') => `create or replace function dossier_history_moment(data jsonb, key text) returns timestamptz language sql ${volatility} as $$
      select case when jsonb_typeof(data -> key) = 'string' then (data ->> key)::timestamptz end
    $$;`

const FACT_COLUMNS = 'dossier_id, first_type, result_at, returned_at, refused_at, requests, stretch_from, stretch_to'
const UPDATE_FACTS = `on conflict (dossier_id) do update set first_type = excluded.first_type, result_at = excluded.result_at, returned_at = excluded.returned_at,
        refused_at = excluded.refused_at, requests = excluded.requests, stretch_from = excluded.stretch_from, stretch_to = excluded.stretch_to`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${moment('stable')}

    create or replace function dossier_history_facts_after_insert() returns trigger language plpgsql as $$
    begin
      -- Earlier events (a facts row) or several in this statement: recomputed from all the dossier's events.
      insert into dossier_history_facts as f (${FACT_COLUMNS})
      ${DOSSIER_HISTORY_FACTS_SELECT(`e.dossier_id in (select n.dossier_id from new_events n group by n.dossier_id
        having count(*) > 1 or exists (select 1 from dossier_history_facts h where h.dossier_id = n.dossier_id))`)}
      ${UPDATE_FACTS};
      -- Every other dossier has no row yet and one event: its facts are that event's (the rows written above conflict and stay).
      insert into dossier_history_facts (${FACT_COLUMNS})
      ${ONE_EVENT_FACTS}
      on conflict (dossier_id) do nothing;
      return null;
    end $$;

    create or replace function index766_touch_dossier_events_insert() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array(
        select unnest(array[p.receiving_unit_id, p.deciding_unit_id])
        from (select distinct d.receiving_unit_id, d.deciding_unit_id from dossiers d where d.id in (select dossier_id from new_rows)) p));
      return null;
    end $$;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${moment('immutable')}

    create or replace function dossier_history_facts_after_insert() returns trigger language plpgsql as $$
    begin
      insert into dossier_history_facts as f (${FACT_COLUMNS})
      ${DOSSIER_HISTORY_FACTS_SELECT('e.dossier_id in (select dossier_id from new_events)')}
      ${UPDATE_FACTS};
      return null;
    end $$;

    create or replace function index766_touch_dossier_events_insert() returns trigger language plpgsql as $$
    begin
      perform index766_touch(array(select d.receiving_unit_id from dossiers d where d.id in (select dossier_id from new_rows)
      union select d.deciding_unit_id from dossiers d where d.id in (select dossier_id from new_rows)));
      return null;
    end $$;
  `)
}
