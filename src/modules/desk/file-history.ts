import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { filesLocked, FILES_LOCKED_MESSAGE } from '../../domain/dossiers/desk-guards.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import type { FileStore } from './file-store.js'

/**
 * The lock on a returned dossier's files: a change needs a reason. The reason is trimmed; an
 * empty one is no reason.
 */
export function checkFileChange(dossier: { code: string; status: string }, reason: string | null | undefined): string | null {
  const given = reason?.trim() ? reason.trim() : null
  if (filesLocked(dossier.status) && given === null) {
    throw new AppError(ErrorCode.conflict, `dossier ${dossier.code} is returned: a reason is needed to change its files`, FILES_LOCKED_MESSAGE, [{ column: 'replace_reason', reason: 'bắt buộc khi hồ sơ đã trả kết quả' }])
  }
  return given
}

/** The file replaced stays: one append-only row in the dossier's file history. */
export async function recordReplacement(
  trx: Transaction<Database>,
  row: { dossierId: string; position: number | null; oldFileId: string; newFileId: string; reason: string | null; actor: string },
): Promise<void> {
  await trx
    .insertInto('dossier_file_replacements')
    .values({ dossier_id: row.dossierId, position: row.position, old_file_id: row.oldFileId, new_file_id: row.newFileId, reason: row.reason, replaced_by: row.actor })
    .execute()
}

/** Every file replaced on a dossier, oldest first, with the replacing official's name. */
export async function listFileReplacements(db: Kysely<Database>, dossierId: string) {
  const rows = await db
    .selectFrom('dossier_file_replacements as r')
    .innerJoin('files as old', 'old.id', 'r.old_file_id')
    .innerJoin('files as new', 'new.id', 'r.new_file_id')
    .leftJoin('users as usr', (join) => join.on('r.replaced_by', 'like', 'user:%').onRef('usr.username', '=', (eb) => eb.fn('substr', [eb.ref('r.replaced_by'), eb.lit(6)])))
    .select([
      'r.id', 'r.position', 'r.reason', 'r.replaced_by', 'r.replaced_at', 'usr.display_name',
      'old.original_name as old_name', 'old.sha256 as old_sha256', 'old.uploaded_at as old_uploaded_at', 'old.uploaded_by as old_uploaded_by',
      'new.original_name as new_name',
    ])
    .where('r.dossier_id', '=', dossierId)
    .orderBy('r.replaced_at')
    .orderBy('r.id')
    .execute()
  return rows.map((r) => ({
    id: String(r.id),
    position: r.position,
    old_file: { name: r.old_name, sha256: r.old_sha256, uploaded_at: r.old_uploaded_at, uploaded_by: r.old_uploaded_by },
    new_file_name: r.new_name,
    reason: r.reason,
    replaced_by: r.replaced_by,
    replaced_by_name: r.display_name,
    replaced_at: r.replaced_at,
  }))
}

/** A replaced file read back: it must be one replaced on this dossier; the reading is audited like any scan's. */
export async function readReplacedFile(
  db: Kysely<Database>,
  store: FileStore,
  dossier: { id: string; code: string },
  replacementId: string,
  who: { actor: string; ip: string | null },
) {
  const file = await db
    .selectFrom('dossier_file_replacements as r')
    .innerJoin('files as f', 'f.id', 'r.old_file_id')
    .select(['r.position', 'f.sha256', 'f.media_type', 'f.original_name'])
    .where('r.dossier_id', '=', dossier.id)
    .where('r.id', '=', replacementId)
    .executeTakeFirst()
  if (!file) throw new AppError(ErrorCode.notFound, `no replaced file ${replacementId} on ${dossier.code}`, 'Không có tệp cũ này trong lịch sử của hồ sơ')
  const bytes = await store.get(file.sha256)
  await db.transaction().execute((trx) =>
    writeAudit(trx, { ...who, action: 'dossier.file_read', entity: 'dossier', entityId: dossier.code, summary: { file: file.position ?? 'result', replaced: replacementId, sha256: file.sha256 } }),
  )
  return { bytes, file }
}
