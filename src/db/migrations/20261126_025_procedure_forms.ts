import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * procedure_forms: the forms a citizen fills for a procedure (mẫu đơn, tờ khai), attached to the
 * procedure — not to one version, so a new version imported from procedures.csv keeps them. The
 * bytes sit in the file store (<data>/files, by SHA-256); the row keeps what the download needs.
 * A form's code is unique within its procedure.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table procedure_forms (
      id integer generated always as identity primary key,
      procedure_id integer not null references procedures(id),
      code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
      name text not null check (length(name) between 1 and 255),
      file_name text not null check (length(file_name) between 1 and 255),
      media_type text not null check (media_type in (
        'application/pdf', 'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
      size_bytes integer not null check (size_bytes > 0 and size_bytes <= 5242880),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      uploaded_by text not null,
      uploaded_at timestamptz not null default now(),
      unique (procedure_id, code)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop table if exists procedure_forms;`)
}
