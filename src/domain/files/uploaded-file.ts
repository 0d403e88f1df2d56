import { AppError, ErrorCode } from '../shared/app-error.js'

/** Scans and signed results: PDF or an image, nothing that could run. */
export const FileMediaType = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const
export type FileMediaType = (typeof FileMediaType)[keyof typeof FileMediaType]

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const EXTENSIONS: Record<FileMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
}

/** What the bytes are, from their first bytes (the name and the client's word count for nothing). */
export function detectMediaType(bytes: Uint8Array): FileMediaType | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return FileMediaType.pdf // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return FileMediaType.png
  if (starts(0xff, 0xd8, 0xff)) return FileMediaType.jpeg
  return null
}

/**
 * Checks an upload: not empty, at most 10 MB, a PDF, PNG or JPEG by content, and a name whose
 * extension says the same. The name is only a label (the routes refuse folders in it).
 */
export function checkUploadedFile(fileName: string, bytes: Uint8Array): FileMediaType {
  if (bytes.length === 0) throw new AppError(ErrorCode.validation, 'empty file', 'Tệp rỗng')
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError(ErrorCode.validation, `file of ${bytes.length} bytes`, 'Tệp quá lớn: tối đa 10 MB')
  }
  const mediaType = detectMediaType(bytes)
  if (!mediaType) {
    throw new AppError(ErrorCode.validation, 'not a PDF, PNG or JPEG', 'Tệp không phải PDF hoặc ảnh (PNG, JPEG) hợp lệ')
  }
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  if (!EXTENSIONS[mediaType].includes(extension)) {
    throw new AppError(ErrorCode.validation, `content ${mediaType} named .${extension}`, `Nội dung tệp (${mediaType}) không khớp với đuôi tên tệp (.${extension})`)
  }
  return mediaType
}
