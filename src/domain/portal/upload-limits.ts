import { MAX_UPLOAD_BYTES } from '../files/uploaded-file.js'

/** One component's file on the portal: a scan or a photo, at most 10 MB (the desk's limit). */
export const PORTAL_FILE_MAX_BYTES = MAX_UPLOAD_BYTES

/**
 * All the files of one online submission or supplement together: 20 MB — a dossier's scans
 * at an ordinary resolution, with room to spare. What one request may make the server parse.
 */
export const PORTAL_FILES_MAX_BYTES = 20 * 1024 * 1024

/** The request body: the files in base64 (4 characters for 3 bytes) and room for the form's fields. */
export const PORTAL_BODY_LIMIT = Math.ceil(PORTAL_FILES_MAX_BYTES / 3) * 4 + 256 * 1024

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`

/** Why the chosen files cannot be sent together, in Vietnamese, or null: checked by the page before it sends them. */
export function portalUploadProblem(files: readonly { name: string; size: number }[]): string | null {
  const large = files.find((file) => file.size > PORTAL_FILE_MAX_BYTES)
  if (large) return `Tệp "${large.name}" lớn hơn ${megabytes(PORTAL_FILE_MAX_BYTES)}; hãy quét với độ phân giải thấp hơn.`
  const total = files.reduce((sum, file) => sum + file.size, 0)
  if (total > PORTAL_FILES_MAX_BYTES) return `Các tệp cộng lại ${megabytes(total)}, quá ${megabytes(PORTAL_FILES_MAX_BYTES)} cho một lần nộp; hãy quét với độ phân giải thấp hơn.`
  return null
}
