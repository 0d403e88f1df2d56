import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Directives (văn bản chỉ đạo) and the tasks they order, followed to the end:
 * - directives: incoming (from the province, a ministry) or outgoing (the unit's own). An
 *   outgoing directive points at its cited_documents row (role `letter`) instead of copying it,
 *   so the next letter on the topic cites it from the one definition.
 * - directive_citations: the documents (cited_documents rows) a directive cites.
 * - tasks: what is to be delivered, by a due date or a recurrence rule, followed by a monitor unit;
 *   task_assignees the units that owe it.
 * - task_occurrences: one per task, assignee and period (idempotent by that key); the state is
 *   what task_submissions say (submitted, accepted or returned with a reason).
 * - task_contacts: the e-mail address a unit's reminders go to.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table directives (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      direction text not null check (direction in ('incoming', 'outgoing')),
      doc_type text not null check (length(btrim(doc_type)) between 1 and 60),
      number text not null check (length(btrim(number)) between 1 and 60),
      issued_on date not null,
      issuer text not null check (length(btrim(issuer)) between 1 and 200),
      subject text not null check (length(btrim(subject)) between 1 and 1000),
      topic text check (topic is null or topic ~ '^[a-z0-9_-]{1,40}$'),
      cited_document_id integer references cited_documents(id) on delete set null,
      file_id bigint references files(id),
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (unit_id, direction, number, issued_on)
    );

    create table directive_citations (
      directive_id integer not null references directives(id) on delete cascade,
      cited_document_id integer not null references cited_documents(id),
      primary key (directive_id, cited_document_id)
    );

    create table tasks (
      id integer generated always as identity primary key,
      directive_id integer not null references directives(id) on delete cascade,
      title text not null check (length(btrim(title)) between 1 and 500),
      monitor_unit_id integer not null references units(id),
      recurrence text not null check (recurrence ~ '^(once|weekly:[1-5]|monthly:([1-9]|[12][0-9]|3[01])|quarterly:([1-9]|[12][0-9]|3[01])|yearly:(0[1-9]|1[0-2])-([0-2][0-9]|3[01]))$'),
      due_on date,
      starts_on date not null,
      ends_on date,
      created_at timestamptz not null default now(),
      check ((recurrence = 'once') = (due_on is not null)),
      check (ends_on is null or ends_on >= starts_on)
    );
    create index tasks_directive on tasks (directive_id);

    create table task_assignees (
      task_id integer not null references tasks(id) on delete cascade,
      unit_id integer not null references units(id),
      primary key (task_id, unit_id)
    );
    create index task_assignees_unit on task_assignees (unit_id);

    create table task_occurrences (
      id integer generated always as identity primary key,
      task_id integer not null references tasks(id) on delete cascade,
      unit_id integer not null references units(id),
      period_key text not null check (period_key ~ '^(once|\\d{4}-W\\d{2}|\\d{4}-\\d{2}|\\d{4}-Q[1-4]|\\d{4})$'),
      due_on date not null,
      created_at timestamptz not null default now(),
      unique (task_id, unit_id, period_key)
    );
    create index task_occurrences_unit_due on task_occurrences (unit_id, due_on);

    create table task_submissions (
      id integer generated always as identity primary key,
      occurrence_id integer not null references task_occurrences(id) on delete cascade,
      submitted_at timestamptz not null,
      submitted_by text not null,
      note text not null default '' check (length(note) <= 2000),
      file_id bigint references files(id),
      verdict text check (verdict in ('accepted', 'returned')),
      verdict_reason text check (verdict_reason is null or length(btrim(verdict_reason)) between 1 and 2000),
      verdict_by text,
      verdict_at timestamptz,
      check ((verdict = 'returned') = (verdict_reason is not null)),
      check ((verdict is null) = (verdict_at is null))
    );
    create index task_submissions_occurrence on task_submissions (occurrence_id, submitted_at);

    create table task_contacts (
      unit_id integer primary key references units(id),
      email text not null check (length(btrim(email)) between 3 and 320)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists task_contacts, task_submissions, task_occurrences, task_assignees, tasks, directive_citations, directives;')
}
