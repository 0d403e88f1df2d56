import { z } from 'zod'
import { isLocalDate } from '../domain/time/local-date.js'
import { LocalDateParam, PlainText } from './fields.js'

const Day = LocalDateParam.refine(isLocalDate, 'Ngày không tồn tại')

/** The publication of a procedure version: what indicators 1.1–1.3, 3.5 and 4.5a are computed from (null = not known). */
export const Publication = z.object({
  decision_number: PlainText(100).nullable().describe('Số quyết định công bố'),
  decided_on: Day.nullable().describe('Ngày ban hành quyết định công bố'),
  legal_basis_effective_on: Day.nullable().describe('Ngày văn bản QPPL quy định thủ tục có hiệu lực'),
  made_public_on: Day.nullable().describe('Ngày công khai thủ tục'),
  national_db_updated_on: Day.nullable().describe('Ngày cập nhật, công khai trên CSDL quốc gia về TTHC'),
  all_parts_published: z.boolean().nullable().describe('Công khai đầy đủ các bộ phận của thủ tục'),
  uses_population_data: z.boolean().nullable().describe('Thủ tục khai thác dữ liệu dân cư (chỉ số 4.5)'),
  payment_integrated: z.boolean().nullable().describe('Phí, lệ phí của thủ tục được tích hợp thanh toán trực tuyến (chỉ số 3.5)'),
})
export const PublicationResponse = Publication.extend({ code: z.string(), version: z.number() })

/** GET /api/v1/procedure-publications: a procedure's current version, its publication and whether 1.1 and 1.2 were met. */
export const PublicationListItem = PublicationResponse.extend({
  name: z.string(),
  level: z.string(),
  published_on_time: z.boolean().nullable().describe('1.1: quyết định công bố đúng hạn; null = chưa đủ dữ liệu'),
  national_db_on_time: z.boolean().nullable().describe('1.2: cập nhật CSDL quốc gia đúng hạn; null = chưa đủ dữ liệu'),
})
