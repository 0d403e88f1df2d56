import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The officials registry as the console keeps it, and scanned documents read by OCR:
 * - officials: the identity number (CMND/CCCD) and tax code a certificate's UID names, the
 *   certificate's stage (registered → issued → handed out → installed) and the UID it carries;
 * - incoming_documents: directives and letters a unit receives, kept as scans;
 * - ocr_jobs: one job per stored file to read, queued by trigger when a component's scan or an
 *   incoming document is stored (in the same transaction, whatever path stored it), taken by a
 *   background worker; a failure keeps its reason;
 * - file_texts: the recognised text beside the file, and its folded form for searching without
 *   diacritics (folded in the application, so PGlite and a server search alike).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    alter table officials
      add column identity_number text check (identity_number ~ '^[0-9]{9}([0-9]{3})?$'),
      add column certificate_stage text not null default 'none' check (certificate_stage in ('none', 'registered', 'issued', 'handed_out', 'installed')),
      add column certificate_stage_at timestamptz,
      add column certificate_uid text;

    create table incoming_documents (
      id bigint generated always as identity primary key,
      unit_id integer not null references units(id),
      number text not null default '' check (length(number) <= 60),
      title text not null check (length(btrim(title)) between 1 and 500),
      issued_on date,
      file_id bigint not null references files(id),
      received_by text not null,
      received_at timestamptz not null default now()
    );
    create index incoming_documents_unit on incoming_documents (unit_id);

    create table ocr_jobs (
      id bigint generated always as identity primary key,
      file_id bigint not null unique references files(id),
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      attempts integer not null default 0,
      error text,
      queued_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index ocr_jobs_queued on ocr_jobs (id) where status = 'queued';

    create table file_texts (
      file_id bigint primary key references files(id),
      text text not null,
      folded text not null,
      pages integer not null check (pages >= 0),
      engine text not null,
      recognized_at timestamptz not null default now()
    );

    create function enqueue_ocr_job() returns trigger language plpgsql as $$
    begin
      if new.file_id is not null then
        insert into ocr_jobs (file_id) values (new.file_id) on conflict (file_id) do nothing;
      end if;
      return null;
    end $$;

    create trigger dossier_components_ocr after insert or update of file_id on dossier_components
      for each row execute function enqueue_ocr_job();
    create trigger incoming_documents_ocr after insert on incoming_documents
      for each row execute function enqueue_ocr_job();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists incoming_documents_ocr on incoming_documents;
    drop trigger if exists dossier_components_ocr on dossier_components;
    drop function if exists enqueue_ocr_job();
    drop table if exists file_texts;
    drop table if exists ocr_jobs;
    drop table if exists incoming_documents;
    alter table officials drop column if exists identity_number, drop column if exists certificate_stage,
      drop column if exists certificate_stage_at, drop column if exists certificate_uid;
  `)
}
