import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The desk's queues list a unit's dossiers by its receiving unit and, since the deciding unit
 * processes the dossiers it decides (dossier-sides.ts), also those another unit received for it.
 * Those are few (Decree 118/2025's inter-unit dossiers): a partial index holds only them, so the
 * queues find them without a scan and an import of ordinary dossiers writes no entry in it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create index dossiers_decided_elsewhere on dossiers (deciding_unit_id, status, due_at) where deciding_unit_id <> receiving_unit_id;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop index if exists dossiers_decided_elsewhere;`)
}
