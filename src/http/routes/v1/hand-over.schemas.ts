import { z } from 'zod'
import { MIN_SEARCH_LENGTH } from '../../../modules/desk/search-dossiers.js'
import { foldVietnamese } from '../../../domain/procedures/search-text.js'
import { UnitCode } from '../../schemas.js'

/** The desk's search box: a code, a name with or without diacritics, an identity or phone number. */
export const DossierSearchParam = z
  .string()
  .max(100, 'Nội dung tìm kiếm tối đa 100 ký tự')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Nội dung tìm kiếm không được chứa ký tự điều khiển')
  // An empty box is no search (the queue itself); a word of one letter would list half the unit.
  .refine((q) => q.trim() === '' || foldVietnamese(q).length >= MIN_SEARCH_LENGTH, `Nhập ít nhất ${MIN_SEARCH_LENGTH} ký tự để tìm hồ sơ (mã hồ sơ, tên người nộp, số giấy tờ hoặc số điện thoại)`)
  .describe('Tìm theo mã hồ sơ, tên người nộp (gõ có hoặc không dấu), số giấy tờ tùy thân hoặc số điện thoại')

/** A hand-over names the specialist, the unit, or both; an assignment names the specialist. */
export const HandOverFields = {
  assignee: z.string().regex(/^[a-z0-9._-]{3,64}$/, 'Tên tài khoản chuyên viên không hợp lệ').optional().describe('Chuyển xử lý, phân công: tài khoản chuyên viên nhận hồ sơ'),
  to_unit: UnitCode.optional().describe('Chuyển xử lý: đơn vị nhận hồ sơ (mặc định: đơn vị của chuyên viên, hoặc đơn vị giải quyết)'),
}

interface StepBody {
  type: string
  assignee?: string | undefined
  to_unit?: string | undefined
}

/** The person and unit only go with a hand-over or an assignment; an assignment needs the person. */
export function handOverFieldsFit(body: StepBody, context: z.RefinementCtx): void {
  const naming = body.type === 'hand_over' || body.type === 'assign'
  if (!naming && body.assignee !== undefined) context.addIssue({ code: 'custom', path: ['assignee'], message: 'Chỉ khi chuyển xử lý hoặc phân công mới chọn chuyên viên' })
  if (body.type !== 'hand_over' && body.to_unit !== undefined) context.addIssue({ code: 'custom', path: ['to_unit'], message: 'Chỉ khi chuyển xử lý mới chọn đơn vị nhận' })
  if (body.type === 'assign' && body.assignee === undefined) context.addIssue({ code: 'custom', path: ['assignee'], message: 'Chọn chuyên viên được phân công xử lý hồ sơ' })
}
