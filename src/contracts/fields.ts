import { z } from 'zod'

/** No control characters (a NUL byte would reach PostgreSQL as an encoding error). */
export const PlainText = (max: number) => z.string().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển')
export const UnitCode = PlainText(64).describe('Mã định danh đơn vị, ví dụ H23.07')
export const LocalDateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
