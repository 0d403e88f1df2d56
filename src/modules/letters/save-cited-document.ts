import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkCitedDocument, type CitedDocument } from '../../domain/reports/cited-documents.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { findUnitByCode } from '../units/units.repository.js'
import { deleteCitedDocument, saveCitedDocument } from './cited-documents.repository.js'

/**
 * `references add` (a plan or decision the unit's letters on a topic carry out in a year) and
 * `letters record` (an outgoing letter, cited by the next one on the topic): checked, saved and
 * audited in one transaction. The same number again replaces the earlier entry.
 */
export async function addCitedDocument(db: Kysely<Database>, unitCode: string, doc: CitedDocument, actor: string): Promise<{ id: number; inserted: boolean }> {
  const broken = checkCitedDocument(doc)
  if (broken.length > 0) {
    throw new AppError(
      ErrorCode.validation,
      `invalid cited document: ${broken.map((b) => b.field).join(', ')}`,
      `Văn bản không hợp lệ:\n${broken.map((b) => `- ${b.field}: ${b.reason}`).join('\n')}`,
      broken.map((b) => ({ column: b.field, reason: b.reason })),
    )
  }
  const unit = await findUnitByCode(db, unitCode)
  if (!unit) throw new AppError(ErrorCode.notFound, `unit ${unitCode} not found`, `Không có đơn vị với mã ${unitCode}`)
  const clean = { ...doc, docType: doc.docType.trim(), number: doc.number.trim(), issuer: doc.issuer.trim(), about: doc.about.trim() }
  return db.transaction().execute(async (trx) => {
    const saved = await saveCitedDocument(trx, unit.id, clean)
    await writeAudit(trx, { actor, action: doc.role === 'letter' ? 'letter.record' : 'reference.add', entity: 'cited_document', entityId: String(saved.id), summary: { unit: unit.code, ...clean, inserted: saved.inserted } })
    return saved
  })
}

/** `references remove ID`, audited. */
export async function removeCitedDocument(db: Kysely<Database>, id: number, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await deleteCitedDocument(trx, id)
    if (!removed) throw new AppError(ErrorCode.notFound, `cited document ${id} not found`, `Không có văn bản số thứ tự ${id}`)
    await writeAudit(trx, { actor, action: 'reference.remove', entity: 'cited_document', entityId: String(id), summary: { ...removed } })
  })
}
