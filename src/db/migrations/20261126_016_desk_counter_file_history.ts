import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * A dossier's replaced files: when a scan of a component (position) or the electronic result
 * (position null) is replaced, the file it replaced stays here, with who replaced it, when and
 * why (required once the result was returned). Rows are never changed or deleted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table dossier_file_replacements (
      id bigint generated always as identity primary key,
      dossier_id bigint not null references dossiers(id) on delete cascade,
      position integer check (position is null or position >= 1),
      old_file_id bigint not null references files(id),
      new_file_id bigint not null references files(id),
      reason text check (reason is null or length(btrim(reason)) between 1 and 1000),
      replaced_by text not null,
      replaced_at timestamptz not null default now()
    );
    create index dossier_file_replacements_dossier on dossier_file_replacements (dossier_id, replaced_at);
    create function dossier_file_replacements_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'dossier_file_replacements is append-only';
    end $$;
    create trigger dossier_file_replacements_append_only before update or delete on dossier_file_replacements
      for each row execute function dossier_file_replacements_append_only();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop table if exists dossier_file_replacements;
    drop function if exists dossier_file_replacements_append_only();
  `)
}
