import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Signatures (issue 19):
 * - file_signatures: the verdict on a stored PDF's signature, checked once when it is uploaded
 *   or signed here (valid, changed, untrusted, expired, unsigned), with the signer and the time.
 * - signing_credentials: a PKCS#12 held for an official (a leader signs results with it) or for
 *   a unit (the commune's certificate for certified copies), sealed with AES-256-GCM under a key
 *   kept outside the database; its certificate in clear.
 * - officials.account_user_id: the console account that signs as the official.
 * - ecert_register (+ counters): the certification register (sổ chứng thực bản sao từ bản chính),
 *   numbered per unit and year from a counter row locked by the upsert, so concurrent
 *   certifications get distinct numbers and a rolled-back one leaves no gap.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table file_signatures (
      file_id bigint primary key references files(id),
      status text not null check (status in ('valid', 'changed', 'untrusted', 'expired', 'unsigned')),
      reason text not null,
      signer_name text,
      signer_subject text,
      signer_issuer text,
      signer_serial text,
      certificate_valid_from timestamptz,
      certificate_valid_to timestamptz,
      signed_at timestamptz,
      checked_at timestamptz not null default now()
    );

    create table signing_credentials (
      id integer generated always as identity primary key,
      official_id integer unique references officials(id),
      unit_id integer unique references units(id),
      certificate_der bytea not null,
      subject text not null,
      issuer text not null,
      serial text not null,
      valid_from timestamptz not null,
      valid_to timestamptz not null,
      sealed bytea not null,
      registered_by text not null,
      registered_at timestamptz not null default now(),
      check ((official_id is null) <> (unit_id is null))
    );

    alter table officials add column account_user_id integer unique references users(id);

    create table ecert_register_counters (
      unit_id integer not null references units(id),
      year integer not null check (year between 2000 and 2200),
      last_number integer not null check (last_number > 0),
      primary key (unit_id, year)
    );

    create table ecert_register (
      id bigint generated always as identity primary key,
      unit_id integer not null references units(id),
      year integer not null check (year between 2000 and 2200),
      number integer not null check (number > 0),
      dossier_id bigint not null references dossiers(id),
      document_name text not null check (length(btrim(document_name)) between 1 and 300),
      copies integer not null check (copies between 1 and 1000),
      fee_vnd bigint not null check (fee_vnd >= 0),
      original_file_id bigint not null references files(id),
      copy_file_id bigint not null references files(id),
      signer_name text not null,
      certified_by text not null,
      certified_at timestamptz not null default now(),
      unique (unit_id, year, number)
    );
    create index ecert_register_dossier on ecert_register (dossier_id);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists ecert_register;
    drop table if exists ecert_register_counters;
    alter table officials drop column if exists account_user_id;
    drop table if exists signing_credentials;
    drop table if exists file_signatures;
  `)
}
