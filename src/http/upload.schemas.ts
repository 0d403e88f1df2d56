import { z } from 'zod'

/** An uploaded scan's name is only a label: no folders, no tricks, a PDF or image extension. */
export const ScanFileName = z
  .string()
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+\.(pdf|png|jpe?g)$/i, 'Tên tệp không hợp lệ (không chứa thư mục; đuôi .pdf, .png, .jpg hoặc .jpeg)')
  .refine((name) => !name.startsWith('.'), 'Tên tệp không được bắt đầu bằng dấu chấm')

// 10 MB of content is at most 13 981 016 base64 characters.
export const Base64Content = z.string().min(4).max(13_981_016).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Nội dung tệp phải được mã hóa base64')

/** A request carrying one 10 MB file in base64, with room for its other fields. */
export const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024

/** The uploaded bytes (the schema has already checked the base64). */
export const decodeUpload = (base64: string): Buffer => Buffer.from(base64, 'base64')
