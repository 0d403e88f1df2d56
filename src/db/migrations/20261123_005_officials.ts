import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    -- The officials who receive, process and return dossiers (seed 001's duties): their
    -- digital-signature certificate, national-portal account and right to certify copies.
    create table officials (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      full_name text not null check (length(full_name) between 2 and 200),
      position text,
      handles_dossiers boolean not null default true,
      national_portal_account text,
      ecert_right boolean not null default false,
      certificate_der bytea,
      certificate_serial text,
      certificate_subject text,
      certificate_issuer text,
      certificate_valid_from timestamptz,
      certificate_valid_to timestamptz,
      certificate_registered_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index officials_unit on officials (unit_id);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists officials')
}
