import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { findDossierFile } from './digitize-dossier.js'
import type { FileStore } from './file-store.js'

/**
 * A scan or result read back (the caller has already checked the dossier is visible). Scans carry
 * personal data: who read which one goes to the audit log before the bytes are handed out.
 */
export async function readDossierFile(
  db: Kysely<Database>,
  store: FileStore,
  dossier: { id: string; code: string },
  which: { position: number } | 'result',
  who: { actor: string; ip: string | null },
) {
  const file = await findDossierFile(db, dossier.id, which)
  if (!file) throw new AppError(ErrorCode.notFound, `no file for ${dossier.code}`, 'Chưa có tệp số hóa')
  const bytes = await store.get(file.sha256)
  await db.transaction().execute((trx) =>
    writeAudit(trx, { ...who, action: 'dossier.file_read', entity: 'dossier', entityId: dossier.code, summary: { file: which === 'result' ? 'result' : which.position, sha256: file.sha256 } }),
  )
  return { bytes, file }
}
