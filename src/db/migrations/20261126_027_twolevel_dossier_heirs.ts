import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * A unit split among several successors (docs/TWO-LEVEL-GOVERNMENT.md): its history goes to the
 * first named (units.successor_id) except the dossiers stored here, each with the successor it
 * goes to — named per dossier in the reorganisation file, or by the stated rule (the applicant's
 * address in a successor's list of areas). `unit_id` is the split unit the dossier belongs to as
 * receiver or decider. Written by `units reorganise` in its transaction; a change bumps the data
 * version, so no cached figure survives.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table dossier_heirs (
      dossier_id bigint not null references dossiers(id) on delete cascade,
      unit_id integer not null references units(id),
      heir_id integer not null references units(id),
      primary key (dossier_id, unit_id),
      check (heir_id <> unit_id)
    );
    create index dossier_heirs_unit on dossier_heirs (unit_id);
    create index dossier_heirs_heir on dossier_heirs (heir_id);
    create trigger dossier_heirs_data_version after insert or update or delete or truncate on dossier_heirs
      for each statement execute function bump_data_version();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists dossier_heirs_data_version on dossier_heirs;
    drop table if exists dossier_heirs;
  `)
}
