import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** The incoming documents of these units, newest first, with where their reading stands. */
export async function listIncomingDocuments(db: Kysely<Database>, unitIds: Iterable<number>, limit = 200) {
  const ids = [...unitIds]
  if (ids.length === 0) return []
  return db
    .selectFrom('incoming_documents as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .innerJoin('files as f', 'f.id', 'i.file_id')
    .leftJoin('ocr_jobs as j', 'j.file_id', 'i.file_id')
    // Ids are bigint: text on the wire whatever the driver makes of them.
    .select(sql<string>`i.id::text`.as('id'))
    .select(['u.code as unit_code', 'u.name as unit_name', 'i.number', 'i.title', 'i.issued_on', 'i.received_at', 'f.original_name as file_name', 'j.status as ocr_status', 'j.error as ocr_error'])
    .where('i.unit_id', 'in', ids)
    .orderBy('i.received_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute()
}
