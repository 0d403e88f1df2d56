import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { DirectiveInput } from '../../domain/directives/directive-rules.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

type Db = Kysely<Database> | Transaction<Database>

export interface DirectiveRow {
  id: number
  unitId: number
  unitCode: string
  unitName: string
  direction: 'incoming' | 'outgoing'
  docType: string
  number: string
  issuedOn: string
  issuer: string
  subject: string
  topic: string | null
  citedDocumentId: number | null
  fileId: string | null
  fileName: string | null
  /** Where the reading (OCR) of its file stands: queued, running, done, failed; null without a file. */
  ocrStatus: string | null
  ocrError: string | null
  createdBy: string
}

export async function insertDirective(trx: Transaction<Database>, unitId: number, d: DirectiveInput, extra: { fileId: string | null; citedDocumentId: number | null; createdBy: string }): Promise<number> {
  const exists = await trx.selectFrom('directives').select('id').where('unit_id', '=', unitId).where('direction', '=', d.direction).where('number', '=', d.number).where('issued_on', '=', d.issuedOn).executeTakeFirst()
  if (exists) throw new AppError(ErrorCode.conflict, `directive ${d.number} exists`, `Văn bản số ${d.number} ngày ${d.issuedOn} đã được ghi (số thứ tự ${exists.id})`)
  const row = await trx
    .insertInto('directives')
    .values({ unit_id: unitId, direction: d.direction, doc_type: d.docType, number: d.number, issued_on: d.issuedOn, issuer: d.issuer, subject: d.subject, topic: d.topic, file_id: extra.fileId, cited_document_id: extra.citedDocumentId, created_by: extra.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertCitations(trx: Transaction<Database>, directiveId: number, citedDocumentIds: readonly number[]): Promise<void> {
  if (citedDocumentIds.length === 0) return
  await trx.insertInto('directive_citations').values(citedDocumentIds.map((id) => ({ directive_id: directiveId, cited_document_id: id }))).onConflict((oc) => oc.doNothing()).execute()
}

function baseQuery(db: Db) {
  return db
    .selectFrom('directives as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('files as f', 'f.id', 'd.file_id')
    .leftJoin('ocr_jobs as j', 'j.file_id', 'd.file_id')
    .select(['d.id', 'd.unit_id', 'u.code as unit_code', 'u.name as unit_name', 'd.direction', 'd.doc_type', 'd.number', 'd.issued_on', 'd.issuer', 'd.subject', 'd.topic', 'd.cited_document_id', 'd.file_id', 'f.original_name as file_name', 'j.status as ocr_status', 'j.error as ocr_error', 'd.created_by'])
}

type Raw = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>
const toRow = (r: Raw): DirectiveRow => ({
  id: r.id, unitId: r.unit_id, unitCode: r.unit_code, unitName: r.unit_name, direction: r.direction, docType: r.doc_type, number: r.number, issuedOn: r.issued_on,
  issuer: r.issuer, subject: r.subject, topic: r.topic, citedDocumentId: r.cited_document_id, fileId: r.file_id, fileName: r.file_name, ocrStatus: r.ocr_status, ocrError: r.ocr_error, createdBy: r.created_by,
})

/**
 * The directives an actor sees: those its units recorded, and those with a task one of its
 * units owes or monitors (a commune sees the district's letter that assigns it a report).
 */
export async function listVisibleDirectives(db: Db, unitIds: ReadonlySet<number>, filter: { direction?: 'incoming' | 'outgoing' | undefined; id?: number | undefined } = {}): Promise<DirectiveRow[]> {
  const ids = [...unitIds]
  if (ids.length === 0) return []
  let query = baseQuery(db).where((eb) =>
    eb.or([
      eb('d.unit_id', 'in', ids),
      eb.exists(eb.selectFrom('tasks as t').innerJoin('task_assignees as a', 'a.task_id', 't.id').select(sql`1`.as('one')).whereRef('t.directive_id', '=', 'd.id').where((w) => w.or([w('a.unit_id', 'in', ids), w('t.monitor_unit_id', 'in', ids)]))),
    ]),
  )
  if (filter.direction) query = query.where('d.direction', '=', filter.direction)
  if (filter.id !== undefined) query = query.where('d.id', '=', filter.id)
  return (await query.orderBy('d.issued_on', 'desc').orderBy('d.id', 'desc').execute()).map(toRow)
}

/** One directive the actor sees, or "not found" (a directive out of scope is answered like none). */
export async function getVisibleDirective(db: Db, id: number, unitIds: ReadonlySet<number>): Promise<DirectiveRow> {
  const [found] = await listVisibleDirectives(db, unitIds, { id })
  if (!found) throw new AppError(ErrorCode.notFound, `directive ${id} not visible`, `Không có văn bản chỉ đạo số thứ tự ${id} trong phạm vi bạn được xem`)
  return found
}

export async function findDirectiveByNumber(db: Db, unitId: number, number: string, issuedOn: string): Promise<number | undefined> {
  const row = await db.selectFrom('directives').select('id').where('unit_id', '=', unitId).where('number', '=', number).where('issued_on', '=', issuedOn).executeTakeFirst()
  return row?.id
}

/** The recognised texts of these directives' files whose folded form holds the folded phrase. */
export async function directiveTextsMatching(db: Db, directiveIds: readonly number[], foldedPhrase: string): Promise<Map<number, string>> {
  if (directiveIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('directives as d')
    .innerJoin('file_texts as t', 't.file_id', 'd.file_id')
    .select(['d.id', 't.text'])
    .where('d.id', 'in', [...directiveIds])
    // The folded phrase is letters, digits and single spaces (foldForSearch): nothing LIKE would read as a wildcard.
    .where('t.folded', 'like', `%${foldedPhrase}%`)
    .execute()
  return new Map(rows.map((r) => [r.id, r.text]))
}

/** The documents a directive cites, as the letters' citations are stored. */
export async function citationsOf(db: Db, directiveId: number) {
  return db
    .selectFrom('directive_citations as c')
    .innerJoin('cited_documents as cd', 'cd.id', 'c.cited_document_id')
    .select(['cd.id', 'cd.doc_type', 'cd.number', 'cd.issued_on', 'cd.issuer', 'cd.about'])
    .where('c.directive_id', '=', directiveId)
    .orderBy('cd.issued_on')
    .execute()
}
