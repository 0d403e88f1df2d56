import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { componentFileId, readingOfFile, type FileReading } from './file-text.repository.js'

/**
 * The recognised text of a component's scan (the caller has checked the dossier is visible).
 * Like the scan itself it carries personal data: reading it is audited once the text exists.
 */
export async function readComponentText(db: Kysely<Database>, dossier: { id: string; code: string }, position: number, who: { actor: string; ip: string | null }): Promise<FileReading> {
  const fileId = await componentFileId(db, dossier.id, position)
  if (fileId === null) throw new AppError(ErrorCode.notFound, `no file for ${dossier.code} #${position}`, 'Thành phần này chưa có bản quét')
  const reading = await readingOfFile(db, fileId)
  if (reading.text !== null) {
    await db.transaction().execute((trx) => writeAudit(trx, { ...who, action: 'dossier.file_text_read', entity: 'dossier', entityId: dossier.code, summary: { file: position } }))
  }
  return reading
}
