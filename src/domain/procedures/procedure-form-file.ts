import { AppError, ErrorCode } from '../shared/app-error.js'

/**
 * A procedure's form (mẫu đơn, tờ khai) as citizens download it: a PDF to print, or a Word or
 * Excel file to fill in. Known by its content — the name and the sender's word count for nothing
 * — and its name's extension must say the same.
 */
export const FormMediaType = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
export type FormMediaType = (typeof FormMediaType)[keyof typeof FormMediaType]
export type FormExtension = keyof typeof FormMediaType

export const MAX_FORM_BYTES = 5 * 1024 * 1024

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Whether a ZIP holds an entry whose name begins so (the names stand in clear in its headers). */
function zipHasEntry(bytes: Uint8Array, prefix: string): boolean {
  const wanted = Array.from(prefix, (c) => c.charCodeAt(0))
  for (let i = 0; i + wanted.length <= bytes.length; i++) {
    if (bytes[i] === wanted[0] && wanted.every((b, j) => bytes[i + j] === b)) return true
  }
  return false
}

/** What the bytes are: a PDF, an old Word document (OLE), a Word or an Excel Open XML package. */
export function detectFormType(bytes: Uint8Array): FormExtension | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, OLE)) return 'doc'
  if (startsWith(bytes, ZIP)) {
    if (zipHasEntry(bytes, 'word/')) return 'docx'
    if (zipHasEntry(bytes, 'xl/')) return 'xlsx'
  }
  return null
}

/** The extension of a file name, lower case ('' when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** Checks a form file: not empty, at most 5 MB, a PDF, DOC, DOCX or XLSX by content and by name. */
export function checkFormFile(fileName: string, bytes: Uint8Array): FormMediaType {
  if (bytes.length === 0) throw new AppError(ErrorCode.validation, 'empty form file', `Tệp mẫu ${fileName} rỗng`, [{ column: 'file', value: fileName, reason: 'tệp rỗng' }])
  if (bytes.length > MAX_FORM_BYTES) {
    throw new AppError(ErrorCode.validation, `form file of ${bytes.length} bytes`, `Tệp mẫu ${fileName} quá lớn: tối đa 5 MB`, [{ column: 'file', value: fileName, reason: 'quá 5 MB' }])
  }
  const kind = detectFormType(bytes)
  if (!kind) {
    throw new AppError(ErrorCode.validation, 'form file of another type', `Tệp mẫu ${fileName} không phải PDF, Word (DOC, DOCX) hoặc Excel (XLSX) hợp lệ`, [
      { column: 'file', value: fileName, reason: 'chỉ nhận PDF, DOC, DOCX, XLSX' },
    ])
  }
  const extension = extensionOf(fileName)
  if (extension !== kind) {
    throw new AppError(ErrorCode.validation, `form content ${kind} named .${extension}`, `Nội dung tệp mẫu (${kind.toUpperCase()}) không khớp với đuôi tên tệp ${fileName}`, [
      { column: 'file', value: fileName, reason: `nội dung là ${kind.toUpperCase()}` },
    ])
  }
  return FormMediaType[kind]
}

/** A form's code within its procedure: letters, digits, dot, dash, underscore (e.g. TK01, 04-2020). */
export const FORM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/

/** The next free code of the shape M01, M02… when none is given. */
export function nextFormCode(taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const code = `M${String(n).padStart(2, '0')}`
    if (!taken.includes(code)) return code
  }
}
