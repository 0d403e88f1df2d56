import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Apology letters for late dossiers (phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04 of
 * Thông tư 01/2018/TT-VPCP): the reason and the new appointment the applicant was given. The
 * legal due date is not moved — a late dossier stays late for every indicator.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table dossier_apologies (
      id bigint generated always as identity primary key,
      dossier_id bigint not null references dossiers(id) on delete cascade,
      reason text not null check (length(btrim(reason)) between 1 and 1000),
      new_due_on date not null,
      issued_at timestamptz not null default now(),
      issued_by text not null
    );
    create index dossier_apologies_dossier on dossier_apologies (dossier_id, issued_at);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop table if exists dossier_apologies;`)
}
