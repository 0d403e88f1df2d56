import { sql } from 'kysely'
import type { DatabaseHandle } from '../../src/db/open-database.js'

/**
 * What a property run does next to each dossier by its fate, one statement per kind: 1 — decided
 * elsewhere (by `deciderCode`), 2 — a change no figure reads (its address), 3 — deleted by the
 * database owner, who lifts the history guard to do it; 0 — nothing.
 */
export async function applyDossierFates(handle: DatabaseHandle, codes: readonly string[], fates: readonly number[], deciderCode: string, address: string): Promise<void> {
  const withFate = (fate: number) => codes.filter((_, i) => fates[i] === fate)
  const [redecided, readdressed, removed] = [withFate(1), withFate(2), withFate(3)]
  if (redecided.length > 0) {
    await sql`update dossiers set deciding_unit_id = (select id from units where code = ${deciderCode}) where code in (${sql.join(redecided)})`.execute(handle.db)
  }
  if (readdressed.length > 0) await sql`update dossiers set applicant_address = ${address} where code in (${sql.join(readdressed)})`.execute(handle.db)
  if (removed.length === 0) return
  await handle.db.transaction().execute(async (trx) => {
    await sql`alter table dossier_events disable trigger dossier_events_append_only`.execute(trx)
    await sql`delete from dossier_events where dossier_id in (select id from dossiers where code in (${sql.join(removed)}))`.execute(trx)
    await sql`delete from dossiers where code in (${sql.join(removed)})`.execute(trx)
    await sql`alter table dossier_events enable trigger dossier_events_append_only`.execute(trx)
  })
}
