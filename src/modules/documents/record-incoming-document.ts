import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkUploadedFile } from '../../domain/files/uploaded-file.js'
import { writeAudit } from '../audit/write-audit.js'
import type { FileStore } from '../desk/file-store.js'

export interface IncomingDocumentInput {
  unit: { id: number; code: string }
  number: string
  title: string
  issuedOn: string | null
  fileName: string
  bytes: Uint8Array
}

/**
 * A directive or letter the unit received (văn bản đến), kept as its scan: the file is stored by
 * content first, then its row, the document and the audit row commit together; the trigger on
 * the document queues it for OCR in the same transaction, so the request never waits for reading.
 */
export async function recordIncomingDocument(db: Kysely<Database>, store: FileStore, input: IncomingDocumentInput, who: { actor: string; ip: string | null }): Promise<{ id: string }> {
  const mediaType = checkUploadedFile(input.fileName, input.bytes)
  const sha256 = await store.put(input.bytes)
  return db.transaction().execute(async (trx) => {
    const file = await trx
      .insertInto('files')
      .values({ sha256, size_bytes: input.bytes.length, media_type: mediaType, original_name: input.fileName, uploaded_by: who.actor })
      .returning('id')
      .executeTakeFirstOrThrow()
    const document = await trx
      .insertInto('incoming_documents')
      .values({ unit_id: input.unit.id, number: input.number, title: input.title, issued_on: input.issuedOn, file_id: file.id, received_by: who.actor })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      ...who, action: 'incoming_document.record', entity: 'incoming_document', entityId: String(document.id),
      summary: { unit: input.unit.code, number: input.number, title: input.title, file_name: input.fileName, sha256, size_bytes: input.bytes.length },
    })
    return { id: String(document.id) }
  })
}
