import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * A dossier's procedure is its version's procedure: one foreign key on the pair (version,
 * procedure) instead of one on each. procedure_id's own key repeated what the version's key
 * and procedure_versions.procedure_id's key already hold, and cost a check per dossier written
 * (an import of a million dossiers made a million of them); the pair also refuses a version of
 * another procedure, which the two keys let through. Units keep their keys: the receiving and
 * the deciding unit are two facts, neither implied by the other.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    alter table procedure_versions add constraint procedure_versions_id_procedure unique (id, procedure_id);
    alter table dossiers drop constraint if exists dossiers_procedure_id_fkey;
    alter table dossiers drop constraint if exists dossiers_procedure_version_id_fkey;
    alter table dossiers add constraint dossiers_procedure_version_pair_fkey
      foreign key (procedure_version_id, procedure_id) references procedure_versions (id, procedure_id);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    alter table dossiers drop constraint if exists dossiers_procedure_version_pair_fkey;
    alter table dossiers add constraint dossiers_procedure_id_fkey foreign key (procedure_id) references procedures (id);
    alter table dossiers add constraint dossiers_procedure_version_id_fkey foreign key (procedure_version_id) references procedure_versions (id);
    alter table procedure_versions drop constraint if exists procedure_versions_id_procedure;
  `)
}
