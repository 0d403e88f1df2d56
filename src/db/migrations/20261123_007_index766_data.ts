import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The data the Decision 766 index needs beyond the dossiers' core facts (issue 7, part 1):
 * - the publication of each procedure version (1.1–1.3) and whether it uses population data (4.5a);
 * - per dossier, nullable facts (null = not known, never false by default, so older imports do
 *   not turn into 0 %): synchronised to the national portal (1.4), reused digitized data (4.3),
 *   linked to the applicant's data store (4.4), population data / VNeID used (4.5b), the result
 *   is a paper document and an electronic result was issued (4.1);
 * - feedback and complaints (phản ánh, kiến nghị) with the dates of their steps (5.1–5.3).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    alter table procedure_versions
      add column decision_number text check (decision_number is null or length(decision_number) between 1 and 100),
      add column decided_on date,
      add column legal_basis_effective_on date,
      add column made_public_on date,
      add column national_db_updated_on date,
      add column all_parts_published boolean,
      add column uses_population_data boolean;

    alter table dossiers
      add column synced_national boolean,
      add column reused_data boolean,
      add column linked_data_store boolean,
      add column population_data_used boolean,
      add column result_on_paper boolean,
      add column e_result_issued boolean;

    alter table import_dossier_rows
      add column synced_national boolean,
      add column reused_data boolean,
      add column linked_data_store boolean,
      add column population_data_used boolean,
      add column result_on_paper boolean,
      add column e_result_issued boolean;

    -- Phản ánh, kiến nghị: one row per item, its steps as dates (set once, in order).
    create table feedback (
      id bigint generated always as identity primary key,
      code text not null check (length(code) between 1 and 100),
      unit_id integer not null references units(id),
      received_at timestamptz not null,
      channel text not null check (channel in ('online', 'direct', 'phone', 'postal', 'email')),
      summary text not null check (length(summary) between 1 and 2000),
      procedure_code text,
      dossier_code text,
      classification text check (classification in ('rule', 'official')),
      classified_at timestamptz,
      rejected_at timestamptz,
      supplement_requested_at timestamptz,
      handled_at timestamptz,
      published_at timestamptz,
      reaction text check (reaction in ('satisfied', 'unsatisfied', 'none')),
      repeated boolean,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (unit_id, code),
      check (classified_at is null or classification is not null),
      check (rejected_at is null or rejected_at >= received_at),
      check (supplement_requested_at is null or supplement_requested_at >= received_at),
      check (handled_at is null or handled_at >= received_at),
      check (rejected_at is null or handled_at is null),
      check (published_at is null or (handled_at is not null and published_at >= handled_at))
    );
    create index feedback_unit_received on feedback (unit_id, received_at);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists feedback;
    alter table import_dossier_rows
      drop column if exists synced_national, drop column if exists reused_data, drop column if exists linked_data_store,
      drop column if exists population_data_used, drop column if exists result_on_paper, drop column if exists e_result_issued;
    alter table dossiers
      drop column if exists synced_national, drop column if exists reused_data, drop column if exists linked_data_store,
      drop column if exists population_data_used, drop column if exists result_on_paper, drop column if exists e_result_issued;
    alter table procedure_versions
      drop column if exists decision_number, drop column if exists decided_on, drop column if exists legal_basis_effective_on,
      drop column if exists made_public_on, drop column if exists national_db_updated_on, drop column if exists all_parts_published,
      drop column if exists uses_population_data;
  `)
}
