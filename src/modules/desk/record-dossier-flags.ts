import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkFlagChange, DOSSIER_FLAG_COLUMNS, type DossierFlagColumn } from '../../domain/dossiers/dossier-flags.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'

/** A change of the Decision 766 facts of a dossier: true/false, or null to say "not known" again; absent = unchanged. */
export type DossierFlagChanges = Partial<Record<DossierFlagColumn, boolean | null>>

/**
 * Records what the desk learns about a dossier after its receipt (synchronised to the national
 * portal, an electronic result issued…), with before and after in the audit log, in one
 * transaction. These facts feed the index only; no status or rollup changes.
 */
export async function recordDossierFlags(db: Kysely<Database>, dossierId: string, changes: DossierFlagChanges, who: { actor: string; ip?: string | null }): Promise<void> {
  const columns = DOSSIER_FLAG_COLUMNS.filter((c) => changes[c] !== undefined)
  if (columns.length === 0) throw new AppError(ErrorCode.validation, 'no flag given', 'Chưa chọn thông tin nào để cập nhật')
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('dossiers').select(['code', ...DOSSIER_FLAG_COLUMNS]).where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
    const set = Object.fromEntries(columns.map((c) => [c, changes[c]!])) as Partial<Record<DossierFlagColumn, boolean | null>>
    checkFlagChange(before, set)
    await trx.updateTable('dossiers').set({ ...set, updated_at: sql<Date>`now()` }).where('id', '=', dossierId).execute()
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: 'dossier.flags', entity: 'dossier', entityId: before.code,
      summary: { before: Object.fromEntries(columns.map((c) => [c, before[c]])), after: set },
    })
  })
}
