import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Late entries (nhập bù): a time a unit claims for its own step (a task report, a feedback
 * item's receipt or step) that is earlier than when it was recorded by more than the bound of
 * domain/time/late-entry.ts. The row keeps the claimed time, the recording time, who recorded
 * it and why (lý do nhập bù); the entity's own column holds the time the figures judge by: the
 * recording time until someone other than the unit (the task's monitor, a leader of a unit
 * above) confirms the claim, then the claimed time. `field` names that column.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table late_entries (
      id bigserial primary key,
      entity text not null check (entity in ('task_submission', 'feedback')),
      entity_id bigint not null,
      field text not null check (field in ('submitted_at', 'received_at', 'classified_at', 'rejected_at', 'supplement_requested_at', 'handled_at', 'published_at')),
      claimed_at timestamptz not null,
      recorded_at timestamptz not null,
      recorded_by text not null,
      reason text not null check (length(reason) > 0),
      confirmed_by text,
      confirmed_at timestamptz,
      check (claimed_at < recorded_at),
      unique (entity, entity_id, field)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop table if exists late_entries;`)
}
