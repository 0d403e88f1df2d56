import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Outbox (hộp thư đi): every e-mail and SMS motcua sends is first a row written in the same
 * transaction as the change it tells of, so a message is never sent for a change that rolled
 * back and never lost for one that committed. A worker delivers due rows and retries failures.
 * `dedupe_key` makes a reminder or notice idempotent: enqueueing it twice keeps one row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table outbox_messages (
      id bigint generated always as identity primary key,
      channel text not null check (channel in ('email', 'sms')),
      recipient text not null check (length(btrim(recipient)) between 3 and 320),
      subject text not null default '' check (length(subject) <= 300),
      body text not null check (length(body) between 1 and 20000),
      topic text not null check (topic ~ '^[a-z0-9_.-]{1,60}$'),
      unit_id integer references units(id),
      dedupe_key text unique check (dedupe_key is null or length(dedupe_key) between 1 and 300),
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index outbox_messages_due on outbox_messages (next_attempt_at) where status = 'pending';
    create index outbox_messages_unit on outbox_messages (unit_id, created_at);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists outbox_messages;')
}
