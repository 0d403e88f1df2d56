import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { CitedDocument, CitedRole } from '../../domain/reports/cited-documents.js'

type Db = Kysely<Database> | Transaction<Database>

export interface StoredCitedDocument extends CitedDocument {
  id: number
  unitCode: string
}

/** A unit's cited documents, optionally of one topic and year, in citing order. */
export async function listCitedDocuments(db: Db, unitCode: string, filter: { topic?: string | undefined; year?: number | undefined } = {}): Promise<StoredCitedDocument[]> {
  let query = db
    .selectFrom('cited_documents')
    .innerJoin('units', 'units.id', 'cited_documents.unit_id')
    .selectAll('cited_documents')
    .select('units.code as unit_code')
    .where('units.code', '=', unitCode)
  if (filter.topic !== undefined) query = query.where('cited_documents.topic', '=', filter.topic)
  if (filter.year !== undefined) query = query.where('cited_documents.year', '=', filter.year)
  const rows = await query.orderBy('cited_documents.year').orderBy('cited_documents.topic').orderBy('cited_documents.role').orderBy('cited_documents.position').orderBy('cited_documents.issued_on').execute()
  return rows.map((r) => ({
    id: r.id,
    unitCode: r.unit_code,
    topic: r.topic,
    year: r.year,
    role: r.role as CitedRole,
    docType: r.doc_type,
    number: r.number,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    about: r.about,
    position: r.position,
  }))
}

/** Adds a document, or replaces the one with the same unit, topic, year and number; its id and whether it was new. */
export async function saveCitedDocument(db: Db, unitId: number, doc: CitedDocument): Promise<{ id: number; inserted: boolean }> {
  const values = { doc_type: doc.docType, role: doc.role, issued_on: doc.issuedOn, issuer: doc.issuer, about: doc.about, position: doc.position }
  const existing = await db
    .selectFrom('cited_documents')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('topic', '=', doc.topic)
    .where('year', '=', doc.year)
    .where('number', '=', doc.number)
    .executeTakeFirst()
  if (existing) {
    await db.updateTable('cited_documents').set(values).where('id', '=', existing.id).execute()
    return { id: existing.id, inserted: false }
  }
  const row = await db
    .insertInto('cited_documents')
    .values({ unit_id: unitId, topic: doc.topic, year: doc.year, number: doc.number, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, inserted: true }
}

/** Removes one document; what it was (for the audit row), or undefined when there is none. */
export async function deleteCitedDocument(db: Db, id: number): Promise<{ unit_id: number; topic: string; year: number; number: string } | undefined> {
  return db.deleteFrom('cited_documents').where('id', '=', id).returning(['unit_id', 'topic', 'year', 'number']).executeTakeFirst()
}
