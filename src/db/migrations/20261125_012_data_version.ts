import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The data version: one counter that every statement changing what a figure is made of bumps,
 * in its own transaction (statement-level triggers, whatever wrote: import, desk, API, SQL).
 * Computed answers are cached under (question, version), so a cached figure is never stale:
 * a committed change makes every later request read a new version and miss.
 * Not bumped by accounts, sessions, the audit log or the import's staging rows.
 * The counter is 16 rows summed: each connection bumps the row of its backend's number, so a
 * long import holding its row lock until commit does not hold up the desk's writes on other
 * connections (one row would serialize every writer of the server).
 */
const SHARDS = 16
const FIGURE_TABLES = [
  'units', 'unit_closure', 'procedures', 'procedure_versions', 'dossiers', 'dossier_components', 'dossier_events',
  'dossier_apologies', 'files', 'feedback', 'targets', 'calendar_years', 'calendar_days', 'rollup_daily', 'rollup_monthly',
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table data_version (
      shard smallint primary key check (shard >= 0 and shard < ${SHARDS}),
      version bigint not null
    );
    insert into data_version (shard, version) select s, 0 from generate_series(0, ${SHARDS - 1}) s;
    create function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where shard = pg_backend_pid() % ${SHARDS};
      return null;
    end $$;
    ${FIGURE_TABLES.map((table) => `create trigger ${table}_data_version after insert or update or delete or truncate on ${table}
      for each statement execute function bump_data_version();`).join('\n')}
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${FIGURE_TABLES.map((table) => `drop trigger if exists ${table}_data_version on ${table};`).join('\n')}
    drop function if exists bump_data_version();
    drop table if exists data_version;
  `)
}
