import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The one-stop desk: files stored by content (scans of components, signed results), what each
 * component of a desk-received dossier is (received, digitized, its file), the fee payment, and
 * a per-unit, per-day counter for dossier codes (<unit>-<yymmdd>-<seq>) that concurrent
 * receipts cannot both take.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    -- One row per upload; the bytes live once on disk under their SHA-256 (files/ab/cdef…).
    create table files (
      id bigint generated always as identity primary key,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
      media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
      original_name text not null check (length(original_name) between 1 and 255),
      uploaded_by text not null,
      uploaded_at timestamptz not null default now()
    );
    create index files_sha256 on files (sha256);

    alter table dossier_components
      add column received boolean not null default true,
      add column file_id bigint references files(id),
      add column digitized_at timestamptz;

    alter table dossiers
      add column result_file_id bigint references files(id),
      add column paid_at timestamptz;
    create index dossiers_receiving_status_due on dossiers (receiving_unit_id, status, due_at);

    create table dossier_code_counters (
      unit_id integer not null references units(id),
      day date not null,
      last_seq integer not null check (last_seq > 0),
      primary key (unit_id, day)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists dossier_code_counters;
    drop index if exists dossiers_receiving_status_due;
    alter table dossiers drop column if exists result_file_id, drop column if exists paid_at;
    alter table dossier_components drop column if exists received, drop column if exists file_id, drop column if exists digitized_at;
    drop table if exists files;
  `)
}
