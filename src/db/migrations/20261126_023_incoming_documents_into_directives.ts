import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * One record for what a unit receives: an incoming document (migration 017's incoming_documents,
 * a scan with a number and an abstract) is an incoming directive (migration 020). Each row moves
 * into directives — direction incoming, its number, date, abstract as the subject, its file, its
 * unit, who received it and when — and the table goes. The file, its OCR job and its text stay
 * as they are (they hang on the file), so nothing is read again.
 *
 * What incoming_documents did not keep, directives require: a document without a number is
 * numbered "Không số (văn bản đến N)", one without a date takes the Vietnam day it was received,
 * the issuer is "Chưa ghi cơ quan ban hành". A document whose number and date an incoming
 * directive of the unit already has is that directive: it takes the scan when it had none, else
 * the document is kept beside it with " (bản N)" after its number.
 *
 * From now on a directive's file is read like a component's scan: the same enqueue_ocr_job
 * trigger, on insert and when the file changes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create trigger directives_ocr after insert or update of file_id on directives
      for each row execute function enqueue_ocr_job();

    create temporary table moving_documents as
      select i.id, i.unit_id, i.file_id, i.received_by, i.received_at,
             coalesce(nullif(btrim(i.number), ''), 'Không số (văn bản đến ' || i.id || ')') as number,
             coalesce(i.issued_on, (i.received_at at time zone 'Asia/Ho_Chi_Minh')::date) as issued_on,
             left(btrim(i.title), 1000) as subject
        from incoming_documents i;

    update directives d set file_id = m.file_id
      from moving_documents m
     where d.unit_id = m.unit_id and d.direction = 'incoming' and d.number = m.number and d.issued_on = m.issued_on and d.file_id is null
       and m.id = (select min(m2.id) from moving_documents m2 where m2.unit_id = m.unit_id and m2.number = m.number and m2.issued_on = m.issued_on);

    insert into directives (unit_id, direction, doc_type, number, issued_on, issuer, subject, file_id, created_by, created_at)
    select m.unit_id, 'incoming', 'Văn bản',
           case when exists (select 1 from directives d where d.unit_id = m.unit_id and d.direction = 'incoming' and d.number = m.number and d.issued_on = m.issued_on)
                  or exists (select 1 from moving_documents m2 where m2.unit_id = m.unit_id and m2.number = m.number and m2.issued_on = m.issued_on and m2.id < m.id)
                then left(m.number, 45) || ' (bản ' || m.id || ')'
                else m.number end,
           m.issued_on, 'Chưa ghi cơ quan ban hành', m.subject, m.file_id, m.received_by, m.received_at
      from moving_documents m
     where not exists (select 1 from directives d where d.unit_id = m.unit_id and d.direction = 'incoming' and d.file_id = m.file_id)
     order by m.id;

    drop trigger if exists incoming_documents_ocr on incoming_documents;
    drop table incoming_documents;
    drop table moving_documents;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists directives_ocr on directives;
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
    create trigger incoming_documents_ocr after insert on incoming_documents
      for each row execute function enqueue_ocr_job();
  `)
}
