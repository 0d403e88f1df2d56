import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table users (
      id integer generated always as identity primary key,
      username text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text not null,
      password_hash text not null,
      unit_id integer not null references units(id),
      role text not null check (role in ('system_admin', 'unit_admin', 'leader', 'monitor', 'officer', 'specialist')),
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    );

    -- A session is known by the SHA-256 of its cookie value: a stolen table gives no session.
    create table sessions (
      id text primary key,
      user_id integer not null references users(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text,
      revoked_at timestamptz
    );
    create index sessions_user on sessions (user_id);

    -- Tokens for other systems: hashed, scoped to a unit subtree and to actions, expiring.
    create table api_tokens (
      id integer generated always as identity primary key,
      name text not null,
      token_hash text not null unique,
      unit_id integer not null references units(id),
      scopes text[] not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    );

    -- Every change and every export of personal data, hash-chained: each row's hash covers the
    -- previous row's hash, so an edited or removed row breaks the chain.
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default clock_timestamp(),
      actor text not null,
      ip text,
      action text not null,
      entity text not null,
      entity_id text,
      summary jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create table audit_head (
      id integer primary key check (id = 1),
      last_id bigint not null,
      last_hash text not null
    );
    insert into audit_head (id, last_id, last_hash) values (1, 0, 'genesis');

    create function refuse_audit_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'P0001';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function refuse_audit_change();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function refuse_audit_change();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists audit_head, audit_log, api_tokens, sessions, users cascade;
    drop function if exists refuse_audit_change();
  `)
}
