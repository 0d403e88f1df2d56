import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkUploadedFile } from '../../domain/files/uploaded-file.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import type { FileStore } from './file-store.js'
import { checkFileChange, recordReplacement } from './file-history.js'
import { recordFileSignature } from '../signatures/file-signatures.repository.js'
import { checkUploadSignature, type SignatureSetup } from '../signatures/signature-setup.js'

export interface Upload {
  fileName: string
  bytes: Uint8Array
  actor: string
  ip?: string | null
  /** Why a file is changed once the result was returned (required then). */
  reason?: string | null
}

const ENDED_WITHOUT_RESULT = ['rejected', 'withdrawn']

async function lockDossier(trx: Transaction<Database>, dossierId: string) {
  return trx.selectFrom('dossiers').select(['id', 'code', 'status', 'components_total', 'components_digitized', 'result_digitized', 'result_file_id']).where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
}

export async function storeFile(trx: Transaction<Database>, upload: Upload, sha256: string, mediaType: string) {
  return trx
    .insertInto('files')
    .values({ sha256, size_bytes: upload.bytes.length, media_type: mediaType, original_name: upload.fileName, uploaded_by: upload.actor })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/**
 * The scan of one received component: the file is stored, the component marked digitized and
 * the dossier's `components_digitized` recounted, with an audit row, in one transaction (the
 * rollups follow by trigger). Digitizing changes no status, so it is not a history event.
 */
export async function digitizeComponent(db: Kysely<Database>, store: FileStore, dossierId: string, position: number, upload: Upload, signatures?: SignatureSetup) {
  const mediaType = checkUploadedFile(upload.fileName, upload.bytes)
  const sha256 = await store.put(upload.bytes)
  // A signed PDF is checked at once (the verdict is stored with the file and shown on the dossier page).
  const verdict = signatures ? checkUploadSignature(signatures, upload.bytes, mediaType) : null
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, dossierId)
    if (ENDED_WITHOUT_RESULT.includes(dossier.status)) {
      throw new AppError(ErrorCode.conflict, `dossier ${dossier.code} is ${dossier.status}`, 'Hồ sơ đã bị từ chối hoặc đã rút, không số hóa thêm')
    }
    const reason = checkFileChange(dossier, upload.reason)
    const component = await trx.selectFrom('dossier_components').select(['id', 'received', 'digitized', 'name', 'file_id']).where('dossier_id', '=', dossierId).where('position', '=', position).executeTakeFirst()
    if (!component) throw new AppError(ErrorCode.notFound, `no component ${position}`, `Hồ sơ không có thành phần số ${position}`)
    if (!component.received) {
      throw new AppError(ErrorCode.conflict, `component ${position} was not received`, `Thành phần "${component.name}" không được nộp khi tiếp nhận, không thể số hóa`)
    }
    const file = await storeFile(trx, upload, sha256, mediaType)
    if (verdict) await recordFileSignature(trx, file.id, verdict)
    await trx.updateTable('dossier_components').set({ file_id: file.id, digitized: true, digitized_at: sql<Date>`now()` }).where('id', '=', component.id).execute()
    if (component.file_id !== null) await recordReplacement(trx, { dossierId, position, oldFileId: component.file_id, newFileId: file.id, reason, actor: upload.actor })
    const { digitized } = await trx
      .selectFrom('dossier_components')
      .select((eb) => eb.fn.countAll<number>().as('digitized'))
      .where('dossier_id', '=', dossierId)
      .where('received', '=', true)
      .where('digitized', '=', true)
      .executeTakeFirstOrThrow()
    const componentsDigitized = Math.min(Number(digitized), dossier.components_total)
    if (componentsDigitized !== dossier.components_digitized) {
      await trx.updateTable('dossiers').set({ components_digitized: componentsDigitized, updated_at: sql<Date>`now()` }).where('id', '=', dossierId).execute()
    }
    await writeAudit(trx, {
      actor: upload.actor, ip: upload.ip ?? null, action: 'dossier.digitize_component', entity: 'dossier', entityId: dossier.code,
      summary: {
        position, file_name: upload.fileName, sha256, size_bytes: upload.bytes.length, replaced: component.digitized, reason, components_digitized: { before: dossier.components_digitized, after: componentsDigitized },
        ...(verdict ? { signature: verdict.status } : {}),
      },
    })
    return { componentsDigitized, componentsTotal: dossier.components_total }
  })
}

/** The signed electronic result: stored, and the dossier's result digitized, once it has a result. */
export async function digitizeResult(db: Kysely<Database>, store: FileStore, dossierId: string, upload: Upload, signatures?: SignatureSetup) {
  const mediaType = checkUploadedFile(upload.fileName, upload.bytes)
  const sha256 = await store.put(upload.bytes)
  const verdict = signatures ? checkUploadSignature(signatures, upload.bytes, mediaType) : null
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, dossierId)
    if (dossier.status !== 'finished' && dossier.status !== 'returned') {
      throw new AppError(ErrorCode.conflict, `dossier ${dossier.code} has no result (${dossier.status})`, 'Hồ sơ chưa có kết quả giải quyết, chưa thể số hóa kết quả')
    }
    const reason = checkFileChange(dossier, upload.reason)
    const file = await storeFile(trx, upload, sha256, mediaType)
    if (verdict) await recordFileSignature(trx, file.id, verdict)
    if (dossier.result_file_id !== null) await recordReplacement(trx, { dossierId, position: null, oldFileId: dossier.result_file_id, newFileId: file.id, reason, actor: upload.actor })
    await trx.updateTable('dossiers').set({ result_file_id: file.id, result_digitized: true, updated_at: sql<Date>`now()` }).where('id', '=', dossierId).execute()
    await writeAudit(trx, {
      actor: upload.actor, ip: upload.ip ?? null, action: 'dossier.digitize_result', entity: 'dossier', entityId: dossier.code,
      summary: { file_name: upload.fileName, sha256, size_bytes: upload.bytes.length, replaced: dossier.result_file_id !== null, reason, ...(verdict ? { signature: verdict.status } : {}) },
    })
  })
}

/** The fee paid (online or at the counter): recorded once, with an audit row. */
export async function recordPayment(db: Kysely<Database>, dossierId: string, paidOnline: boolean, who: { actor: string; ip?: string | null }) {
  await db.transaction().execute(async (trx) => {
    const dossier = await trx.selectFrom('dossiers').select(['code', 'status', 'fee_vnd', 'paid_at']).where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
    if (Number(dossier.fee_vnd) <= 0) throw new AppError(ErrorCode.conflict, 'no fee', 'Hồ sơ không có phí, lệ phí phải nộp')
    if (dossier.paid_at !== null) throw new AppError(ErrorCode.conflict, 'already paid', 'Hồ sơ đã được ghi nhận nộp phí, lệ phí')
    if (ENDED_WITHOUT_RESULT.includes(dossier.status)) throw new AppError(ErrorCode.conflict, `dossier is ${dossier.status}`, 'Hồ sơ đã bị từ chối hoặc đã rút')
    await trx.updateTable('dossiers').set({ paid_online: paidOnline, paid_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', dossierId).execute()
    await writeAudit(trx, { actor: who.actor, ip: who.ip ?? null, action: 'dossier.payment', entity: 'dossier', entityId: dossier.code, summary: { fee_vnd: Number(dossier.fee_vnd), paid_online: paidOnline } })
  })
}

/** The stored file of a component or of the result, for reading back. */
export async function findDossierFile(db: Kysely<Database>, dossierId: string, which: { position: number } | 'result') {
  if (which === 'result') {
    return db.selectFrom('dossiers as d').innerJoin('files as f', 'f.id', 'd.result_file_id').select(['f.sha256', 'f.media_type', 'f.original_name']).where('d.id', '=', dossierId).executeTakeFirst()
  }
  return db
    .selectFrom('dossier_components as c')
    .innerJoin('files as f', 'f.id', 'c.file_id')
    .select(['f.sha256', 'f.media_type', 'f.original_name'])
    .where('c.dossier_id', '=', dossierId)
    .where('c.position', '=', which.position)
    .executeTakeFirst()
}
