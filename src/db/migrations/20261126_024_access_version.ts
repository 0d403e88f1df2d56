import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The access version: bumped in the same transaction as any change to who a session's actor is
 * or what it may see — a session ended (logout, "everywhere", reorganisation), an account's
 * role, unit, password or state, the unit tree and its heirs. The server keeps a session's
 * actor and the units asked about in memory under this version (src/modules/accounts/
 * access-cache.ts), so every such change takes effect at the very next request.
 * Not bumped by a new session (its token is not in memory yet) nor by `last_seen_at`.
 * Sharded like the data version (migration 012), for the same reason.
 */
const SHARDS = 16
const ACCESS_TABLES = ['users', 'units', 'unit_closure', 'unit_heirs']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table access_version (
      shard smallint primary key check (shard >= 0 and shard < ${SHARDS}),
      version bigint not null
    );
    insert into access_version (shard, version) select s, 0 from generate_series(0, ${SHARDS - 1}) s;
    create function bump_access_version() returns trigger language plpgsql as $$
    begin
      update access_version set version = version + 1 where shard = pg_backend_pid() % ${SHARDS};
      return null;
    end $$;
    ${ACCESS_TABLES.map((table) => `create trigger ${table}_access_version after insert or update or delete or truncate on ${table}
      for each statement execute function bump_access_version();`).join('\n')}
    create trigger sessions_access_version after update of id, user_id, csrf_token, expires_at, revoked_at or delete or truncate on sessions
      for each statement execute function bump_access_version();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    ${[...ACCESS_TABLES, 'sessions'].map((table) => `drop trigger if exists ${table}_access_version on ${table};`).join('\n')}
    drop function if exists bump_access_version();
    drop table if exists access_version;
  `)
}
