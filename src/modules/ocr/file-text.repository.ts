import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Where a stored file's reading stands, and its text once read. */
export interface FileReading {
  status: 'none' | 'queued' | 'running' | 'done' | 'failed'
  error: string | null
  text: string | null
  pages: number | null
  engine: string | null
  recognized_at: Date | null
}

export async function readingOfFile(db: Kysely<Database>, fileId: string): Promise<FileReading> {
  const row = await db
    .selectFrom('files as f')
    .leftJoin('ocr_jobs as j', 'j.file_id', 'f.id')
    .leftJoin('file_texts as t', 't.file_id', 'f.id')
    .select(['j.status', 'j.error', 't.text', 't.pages', 't.engine', 't.recognized_at'])
    .where('f.id', '=', fileId)
    .executeTakeFirst()
  if (!row) return { status: 'none', error: null, text: null, pages: null, engine: null, recognized_at: null }
  return { status: (row.status ?? 'none') as FileReading['status'], error: row.error, text: row.text, pages: row.pages, engine: row.engine, recognized_at: row.recognized_at }
}

/** The recognised texts whose folded form holds the folded phrase: the scans of components of dossiers these units received or decide. */
export async function componentTextsMatching(db: Kysely<Database>, unitIds: readonly number[], foldedPhrase: string, limit: number) {
  if (unitIds.length === 0) return []
  return db
    .selectFrom('file_texts as t')
    .innerJoin('files as f', 'f.id', 't.file_id')
    .innerJoin('dossier_components as c', 'c.file_id', 'f.id')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .select(['t.file_id', 't.text', 'f.original_name', 'f.uploaded_at', 'd.code as dossier_code', 'c.position', 'c.name as component_name', 'u.code as unit_code'])
    .where((eb) => eb.or([eb('d.receiving_unit_id', 'in', unitIds), eb('d.deciding_unit_id', 'in', unitIds)]))
    // The folded phrase is letters, digits and single spaces (foldForSearch): nothing LIKE would read as a wildcard.
    .where('t.folded', 'like', `%${foldedPhrase}%`)
    .orderBy('f.uploaded_at', 'desc')
    .limit(limit)
    .execute()
}

/** The stored file of a dossier's component, if it has one. */
export async function componentFileId(db: Kysely<Database>, dossierId: string, position: number): Promise<string | null> {
  const row = await db.selectFrom('dossier_components').select('file_id').where('dossier_id', '=', dossierId).where('position', '=', position).executeTakeFirst()
  return row?.file_id == null ? null : String(row.file_id)
}
