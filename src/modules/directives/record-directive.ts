import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkDirective, type DirectiveInput, type TaskInput } from '../../domain/directives/directive-rules.js'
import type { WorkingDays } from '../../domain/directives/recurrence.js'
import { checkUploadedFile } from '../../domain/files/uploaded-file.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import type { FileStore } from '../desk/file-store.js'
import { saveCitedDocument } from '../letters/cited-documents.repository.js'
import { getUnitByCode } from '../units/units.repository.js'
import { insertCitations, insertDirective } from './directives.repository.js'
import { ensureOccurrences } from './ensure-occurrences.js'
import { resolveTasks, rulesRefused } from './resolve-tasks.js'
import { insertTask } from './tasks.repository.js'

export interface DirectiveUpload {
  fileName: string
  bytes: Uint8Array
}

export interface RecordDirective {
  unitCode: string
  directive: DirectiveInput
  /** cited_documents rows of the unit this directive cites. */
  citedDocumentIds: readonly number[]
  tasks: readonly TaskInput[]
  file?: DirectiveUpload | undefined
  actor: string
  ip?: string | null
}

/**
 * Records a directive with the documents it cites, its file and its tasks, in one transaction
 * with its audit row. An outgoing directive with a topic is also the unit's recorded letter on
 * that topic (the cited_documents row `letters record` writes, linked, not copied), so the next
 * letter on the topic cites it. The file is stored before the transaction (content-addressed).
 */
export async function recordDirective(db: Kysely<Database>, store: FileStore | null, input: RecordDirective, calendar: WorkingDays): Promise<number> {
  const d = { ...input.directive, docType: input.directive.docType.trim(), number: input.directive.number.trim(), issuer: input.directive.issuer.trim(), subject: input.directive.subject.trim() }
  const breaks = checkDirective(d)
  if (breaks.length > 0) throw rulesRefused('directive', breaks)
  const unit = await getUnitByCode(db, input.unitCode)
  const upload = input.file
  const mediaType = upload ? checkUploadedFile(upload.fileName, upload.bytes) : null
  if (upload && !store) throw new AppError(ErrorCode.internal, 'no file store', 'Lỗi hệ thống: chưa cấu hình nơi lưu tệp')
  const sha256 = upload && store ? await store.put(upload.bytes) : null
  return db.transaction().execute(async (trx) => {
    const fileId = upload && sha256 && mediaType ? await storeFile(trx, upload, sha256, mediaType, input.actor) : null
    return saveDirective(trx, unit, d, { ...input, fileId, fileSha256: sha256 }, calendar)
  })
}

/**
 * The directive, its letter row, citations, tasks, occurrences and audit row, in the caller's
 * transaction (a file import records many directives in one).
 */
export async function saveDirective(
  trx: Transaction<Database>,
  unit: { id: number; code: string },
  d: DirectiveInput,
  extra: { citedDocumentIds: readonly number[]; tasks: readonly TaskInput[]; fileId: string | null; fileSha256: string | null; actor: string; ip?: string | null | undefined },
  calendar: WorkingDays,
): Promise<number> {
  d = { ...d, docType: d.docType.trim(), number: d.number.trim(), issuer: d.issuer.trim(), subject: d.subject.trim() }
  const cited = d.direction === 'outgoing' && d.topic !== null
    ? await saveCitedDocument(trx, unit.id, { topic: d.topic, year: Number(d.issuedOn.slice(0, 4)), role: 'letter', docType: d.docType, number: d.number, issuedOn: d.issuedOn, issuer: '', about: d.subject, position: 0 })
    : null
  const id = await insertDirective(trx, unit.id, d, { fileId: extra.fileId, citedDocumentId: cited?.id ?? null, createdBy: extra.actor })
  await checkCitedDocumentsOf(trx, unit.id, extra.citedDocumentIds)
  await insertCitations(trx, id, extra.citedDocumentIds)
  const tasks = await resolveTasks(trx, unit.id, id, d.issuedOn, extra.tasks)
  const taskIds: number[] = []
  for (const task of tasks) taskIds.push(await insertTask(trx, task))
  await ensureOccurrences(trx, calendar, new Date(), id)
  await writeAudit(trx, {
    actor: extra.actor, ip: extra.ip ?? null, action: 'directive.record', entity: 'directive', entityId: String(id),
    summary: { unit: unit.code, ...d, cited_document_id: cited?.id ?? null, cites: [...extra.citedDocumentIds], file_sha256: extra.fileSha256, tasks: extra.tasks.map((t, i) => ({ id: taskIds[i], ...t })) },
  })
  return id
}

async function storeFile(trx: Transaction<Database>, upload: DirectiveUpload, sha256: string, mediaType: string, actor: string): Promise<string> {
  const row = await trx.insertInto('files').values({ sha256, size_bytes: upload.bytes.length, media_type: mediaType, original_name: upload.fileName, uploaded_by: actor }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** A directive cites documents its unit keeps (`references add`, `letters record`), by id. */
async function checkCitedDocumentsOf(trx: Transaction<Database>, unitId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  const found = await trx.selectFrom('cited_documents').select('id').where('unit_id', '=', unitId).where('id', 'in', [...ids]).execute()
  const known = new Set(found.map((r) => r.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length > 0) throw new AppError(ErrorCode.validation, `unknown cited documents ${missing.join(',')}`, `Văn bản dẫn chiếu không có trong danh mục của đơn vị: ${missing.join(', ')}`, [{ column: 'cites', reason: 'không có trong danh mục văn bản của đơn vị' }])
}
