import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'

export interface ProcedureForm {
  procedureCode: string
  code: string
  name: string
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedBy: string
  uploadedAt: Date
}

function formsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('procedure_forms as f')
    .innerJoin('procedures as p', 'p.id', 'f.procedure_id')
    .select(['p.code as procedure_code', 'f.code', 'f.name', 'f.file_name', 'f.media_type', 'f.size_bytes', 'f.sha256', 'f.uploaded_by', 'f.uploaded_at'])
    .orderBy('p.code')
    .orderBy('f.code')
}

type FormRow = Awaited<ReturnType<ReturnType<typeof formsQuery>['execute']>>[number]

const formOf = (row: FormRow): ProcedureForm => ({
  procedureCode: row.procedure_code, code: row.code, name: row.name, fileName: row.file_name, mediaType: row.media_type,
  sizeBytes: row.size_bytes, sha256: row.sha256, uploadedBy: row.uploaded_by, uploadedAt: new Date(row.uploaded_at),
})

/** The forms of the given procedures (all when none are named), by procedure then form code. */
export async function formsOfProcedures(db: Kysely<Database>, procedureCodes?: readonly string[]): Promise<Map<string, ProcedureForm[]>> {
  if (procedureCodes && procedureCodes.length === 0) return new Map()
  const rows = await (procedureCodes ? formsQuery(db).where('p.code', 'in', procedureCodes) : formsQuery(db)).execute()
  const byProcedure = new Map<string, ProcedureForm[]>()
  for (const row of rows) {
    const forms = byProcedure.get(row.procedure_code) ?? []
    forms.push(formOf(row))
    byProcedure.set(row.procedure_code, forms)
  }
  return byProcedure
}

/** One form of a procedure, or a Vietnamese 404 naming both codes. */
export async function getProcedureForm(db: Kysely<Database>, procedureCode: string, formCode: string): Promise<ProcedureForm> {
  const row = await formsQuery(db).where('p.code', '=', procedureCode).where('f.code', '=', formCode).executeTakeFirst()
  if (!row) throw new AppError(ErrorCode.notFound, `no form ${formCode} of ${procedureCode}`, `Thủ tục ${procedureCode} không có mẫu đơn, tờ khai mã ${formCode}`)
  return formOf(row)
}

/** A procedure's id by its code, or a Vietnamese 404. */
export async function getProcedureId(db: Kysely<Database>, procedureCode: string): Promise<number> {
  const row = await db.selectFrom('procedures').select('id').where('code', '=', procedureCode).executeTakeFirst()
  if (!row) throw new AppError(ErrorCode.notFound, `unknown procedure ${procedureCode}`, `Không có thủ tục hành chính với mã ${procedureCode}`)
  return row.id
}

/** Which procedures exist, of those named: the demo attaches forms only to those. */
export async function existingProcedureCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  return new Set((await db.selectFrom('procedures').select('code').where('code', 'in', codes).execute()).map((p) => p.code))
}

/**
 * The codes a procedure's forms already use, with the procedure's row locked for the rest of the
 * transaction: two uploads to one procedure take their codes in turn.
 */
export async function lockFormCodes(trx: Transaction<Database>, procedureId: number): Promise<string[]> {
  await trx.selectFrom('procedures').select('id').where('id', '=', procedureId).forUpdate().execute()
  return (await trx.selectFrom('procedure_forms').select('code').where('procedure_id', '=', procedureId).execute()).map((r) => r.code)
}

export interface NewProcedureForm {
  procedureId: number
  code: string
  name: string
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedBy: string
}

export async function insertProcedureForm(trx: Transaction<Database>, form: NewProcedureForm): Promise<void> {
  await trx.insertInto('procedure_forms').values({
    procedure_id: form.procedureId, code: form.code, name: form.name, file_name: form.fileName, media_type: form.mediaType,
    size_bytes: form.sizeBytes, sha256: form.sha256, uploaded_by: form.uploadedBy,
  }).execute()
}

export async function deleteProcedureForm(trx: Transaction<Database>, procedureCode: string, formCode: string): Promise<void> {
  await trx
    .deleteFrom('procedure_forms')
    .where('code', '=', formCode)
    .where('procedure_id', '=', (eb) => eb.selectFrom('procedures').select('id').where('code', '=', procedureCode))
    .execute()
}
