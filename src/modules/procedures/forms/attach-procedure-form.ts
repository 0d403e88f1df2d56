import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { checkFormFile, FORM_CODE, nextFormCode } from '../../../domain/procedures/procedure-form-file.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { writeAudit } from '../../audit/write-audit.js'
import type { FileStore } from '../../desk/file-store.js'
import { getProcedureForm, getProcedureId, insertProcedureForm, lockFormCodes, type ProcedureForm } from './procedure-forms.repository.js'

export interface FormUpload {
  procedureCode: string
  /** Unique within the procedure; the next M01, M02… when not given. */
  code?: string | null | undefined
  /** What citizens read, e.g. "Tờ khai đăng ký khai sinh". */
  name: string
  fileName: string
  bytes: Uint8Array
}

export interface Who {
  actor: string
  ip?: string | null
}

function checkedName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (trimmed.length === 0 || trimmed.length > 255) {
    throw new AppError(ErrorCode.validation, 'bad form name', 'Tên mẫu đơn, tờ khai phải có từ 1 đến 255 ký tự', [{ column: 'name', value: name, reason: 'từ 1 đến 255 ký tự' }])
  }
  return trimmed
}

function checkedFileName(fileName: string): string {
  if (!/^[^/\\\u0000-\u001f]{1,255}$/.test(fileName) || fileName.startsWith('.')) {
    throw new AppError(ErrorCode.validation, 'bad form file name', `Tên tệp mẫu không hợp lệ: ${fileName}`, [{ column: 'file_name', value: fileName, reason: 'không chứa thư mục, không bắt đầu bằng dấu chấm' }])
  }
  return fileName.normalize('NFC')
}

/**
 * Attaches a form to a procedure: the file checked (type by content, size), written to the file
 * store first, then its row and the audit row in one transaction — a refused upload changes
 * nothing, and a failed transaction leaves at most an unreferenced file.
 */
export async function attachProcedureForm(db: Kysely<Database>, store: FileStore, upload: FormUpload, who: Who): Promise<ProcedureForm> {
  const name = checkedName(upload.name)
  const fileName = checkedFileName(upload.fileName)
  if (upload.code && !FORM_CODE.test(upload.code)) {
    throw new AppError(ErrorCode.validation, `bad form code ${upload.code}`, `Mã mẫu không hợp lệ: ${upload.code} (chữ, số, dấu chấm, gạch; tối đa 32 ký tự)`, [{ column: 'code', value: upload.code, reason: 'không hợp lệ' }])
  }
  const mediaType = checkFormFile(fileName, upload.bytes)
  const procedureId = await getProcedureId(db, upload.procedureCode)
  const sha256 = await store.put(upload.bytes)
  const code = await db.transaction().execute(async (trx) => {
    const taken = await lockFormCodes(trx, procedureId)
    const code = upload.code ?? nextFormCode(taken)
    if (taken.includes(code)) {
      throw new AppError(ErrorCode.conflict, `form ${code} exists`, `Thủ tục ${upload.procedureCode} đã có mẫu mã ${code}; hãy gỡ mẫu cũ hoặc dùng mã khác`, [{ column: 'code', value: code, reason: 'đã có' }])
    }
    await insertProcedureForm(trx, { procedureId, code, name, fileName, mediaType, sizeBytes: upload.bytes.length, sha256, uploadedBy: who.actor })
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: 'procedure.form_add', entity: 'procedure', entityId: upload.procedureCode,
      summary: { form: code, name, file_name: fileName, media_type: mediaType, size_bytes: upload.bytes.length, sha256 },
    })
    return code
  })
  return getProcedureForm(db, upload.procedureCode, code)
}
