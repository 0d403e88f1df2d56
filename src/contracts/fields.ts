import { z } from 'zod'
import { codeProblem } from '../domain/text/code-text.js'

/** No control characters (a NUL byte would reach PostgreSQL as an encoding error). */
export const PlainText = (max: number) => z.string().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển')

/**
 * A code (of a unit, procedure, dossier, feedback item) taken over HTTP: refused for what the
 * imports refuse it (codeProblem: hidden or bidirectional characters, a spreadsheet formula's
 * first character), so the API is no way around the imports' check.
 */
export const Code = (max: number) =>
  PlainText(max).superRefine((value, context) => {
    const problem = codeProblem(value)
    if (problem !== null) context.addIssue({ code: 'custom', message: problem })
  })
export const UnitCode = Code(64).describe('Mã định danh đơn vị, ví dụ H23.07')
export const DossierCode = Code(64).describe('Mã hồ sơ, ví dụ H23.07.01-220429-001')
export const ProcedureCode = Code(32).describe('Mã TTHC, ví dụ 1.001193')
export const LocalDateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
