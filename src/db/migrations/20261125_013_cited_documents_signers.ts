import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * What a letter cites and who signs it, as data rather than text fixed in a template:
 * - cited_documents: per issuing unit, topic and year, the plans and decisions a letter is
 *   "thực hiện" (role `basis`), and the unit's own outgoing letters once recorded (role
 *   `letter`), so the next letter on the topic continues "chỉ đạo của UBND huyện tại Công văn số …".
 * - unit_signers: the name of each signing position of a unit (chair, vice-chair, chief of office).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table cited_documents (
      id integer generated always as identity primary key,
      unit_id integer not null references units(id),
      topic text not null check (topic ~ '^[a-z0-9_-]{1,40}$'),
      year integer not null check (year between 2000 and 2200),
      role text not null check (role in ('basis', 'letter')),
      doc_type text not null check (length(btrim(doc_type)) between 1 and 60),
      number text not null check (length(btrim(number)) between 1 and 60),
      issued_on date not null,
      issuer text not null default '' check (length(issuer) <= 200),
      about text not null default '' check (length(about) <= 1000),
      position integer not null default 0,
      created_at timestamptz not null default now(),
      unique (unit_id, topic, year, number)
    );
    create index cited_documents_lookup on cited_documents (unit_id, topic, year);

    create table unit_signers (
      unit_id integer not null references units(id),
      position text not null check (position in ('chair', 'vice_chair', 'chief_of_office', 'deputy_chief_of_office')),
      name text not null check (length(btrim(name)) between 1 and 200),
      updated_at timestamptz not null default now(),
      primary key (unit_id, position)
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists unit_signers; drop table if exists cited_documents;')
}
