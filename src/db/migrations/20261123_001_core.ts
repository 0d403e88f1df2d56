import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

// Migrations are written against Kysely<any> so they never change with the app's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table units (
      id integer generated always as identity primary key,
      code text not null unique,
      name text not null,
      kind text not null check (kind in ('province', 'district', 'commune', 'office')),
      parent_id integer references units(id),
      valid_from date,
      valid_to date,
      successor_id integer references units(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_from is null or valid_to >= valid_from),
      check (parent_id is distinct from id),
      check (successor_id is distinct from id)
    );

    -- Every (ancestor, descendant) pair with its distance, so a subtree is a join, never a recursive walk.
    create table unit_closure (
      ancestor_id integer not null references units(id),
      descendant_id integer not null references units(id),
      depth integer not null,
      primary key (ancestor_id, descendant_id)
    );
    create index unit_closure_descendant on unit_closure (descendant_id);

    create table procedures (
      id integer generated always as identity primary key,
      code text not null unique,
      created_at timestamptz not null default now()
    );

    -- A changed procedure gets a new version; a dossier keeps the version it was received under.
    create table procedure_versions (
      id integer generated always as identity primary key,
      procedure_id integer not null references procedures(id),
      version integer not null,
      valid_from timestamptz,
      name text not null,
      field text,
      level text not null check (level in ('province', 'district', 'commune')),
      online_level text not null check (online_level in ('full', 'partial', 'none')),
      processing_days numeric(6, 2) not null check (processing_days >= 0),
      fee_vnd bigint not null default 0 check (fee_vnd >= 0),
      cutoff_time text check (cutoff_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      components jsonb not null default '[]',
      publicly_listed boolean not null default true,
      created_at timestamptz not null default now(),
      unique (procedure_id, version)
    );

    create table dossiers (
      id bigint generated always as identity primary key,
      code text not null unique,
      receiving_unit_id integer not null references units(id),
      deciding_unit_id integer not null references units(id),
      procedure_id integer not null references procedures(id),
      procedure_version_id integer not null references procedure_versions(id),
      applicant_name text,
      applicant_id_number text,
      applicant_phone text,
      applicant_address text,
      channel text not null check (channel in ('online', 'direct', 'postal')),
      status text not null check (status in ('received', 'processing', 'supplement', 'paused', 'finished', 'returned', 'rejected', 'withdrawn')),
      received_at timestamptz not null,
      due_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      components_total integer not null default 0 check (components_total >= 0),
      components_digitized integer not null default 0 check (components_digitized >= 0 and components_digitized <= components_total),
      result_digitized boolean not null default false,
      fee_vnd bigint not null default 0 check (fee_vnd >= 0),
      paid_online boolean not null default false check (not paid_online or fee_vnd > 0),
      ecert_copies integer not null default 0 check (ecert_copies >= 0),
      rating text check (rating in ('very_satisfied', 'satisfied', 'dissatisfied')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (finished_at is null or finished_at >= received_at),
      check (returned_at is null or (finished_at is not null and returned_at >= finished_at)),
      check (status not in ('finished', 'returned') or finished_at is not null)
    );
    create index dossiers_receiving_received on dossiers (receiving_unit_id, received_at);
    create index dossiers_receiving_finished on dossiers (receiving_unit_id, finished_at);

    create table dossier_components (
      id bigint generated always as identity primary key,
      dossier_id bigint not null references dossiers(id),
      position integer not null,
      name text not null,
      required boolean not null default true,
      digitized boolean not null default false,
      unique (dossier_id, position)
    );

    -- The history of a dossier: appended, never rewritten (see the trigger below).
    create table dossier_events (
      id bigint generated always as identity primary key,
      dossier_id bigint not null references dossiers(id),
      seq integer not null,
      type text not null,
      at timestamptz not null,
      actor text not null,
      reason text,
      status_after text not null,
      data jsonb not null default '{}',
      recorded_at timestamptz not null default now(),
      unique (dossier_id, seq)
    );

    create function refuse_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'dossier_events is append-only: % refused', tg_op using errcode = 'P0001';
    end $$;
    create trigger dossier_events_append_only before update or delete on dossier_events
      for each row execute function refuse_event_change();
    create trigger dossier_events_no_truncate before truncate on dossier_events
      for each statement execute function refuse_event_change();

    -- Administrator-edited calendar years. A year with no row here uses the built-in data.
    create table calendar_years (
      year integer primary key check (year between 1900 and 2200),
      edited_at timestamptz not null default now(),
      edited_by text not null
    );
    create table calendar_days (
      date date primary key,
      kind text not null check (kind in ('holiday', 'workday')),
      name text not null,
      source text not null
    );

    create table import_runs (
      id bigint generated always as identity primary key,
      kind text not null,
      file_name text not null,
      status text not null check (status in ('staging', 'merging', 'done', 'failed')),
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz,
      summary jsonb
    );

    -- Rows of a dossier import on their way in: COPY here, then one set-wise merge.
    create unlogged table import_dossier_rows (
      run_id bigint not null,
      line integer not null,
      code text not null,
      receiving_unit_id integer not null,
      procedure_id integer not null,
      procedure_version_id integer not null,
      channel text not null,
      status text not null,
      received_at timestamptz not null,
      due_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      components_total integer not null,
      components_digitized integer not null,
      result_digitized boolean not null,
      fee_vnd bigint not null,
      paid_online boolean not null,
      ecert_copies integer not null,
      rating text
    );
    create index import_dossier_rows_run on import_dossier_rows (run_id, code);
  `)
}

export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists import_dossier_rows, import_runs, calendar_days, calendar_years, dossier_events,
      dossier_components, dossiers, procedure_versions, procedures, unit_closure, units cascade;
    drop function if exists refuse_event_change();
  `)
}
