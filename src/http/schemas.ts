import { z } from 'zod'
import { LocalDateParam, UnitCode } from '../contracts/fields.js'
import { INDICATOR_IDS } from '../domain/indicators/indicator-id.js'
import { GRANULARITIES } from '../domain/indicators/series-buckets.js'
import { isLocalDate } from '../domain/time/local-date.js'
import { requestDateProblem } from '../domain/time/request-date-bounds.js'
import { toVietnamDate } from '../domain/time/vietnam-time.js'

// Messages of validation errors in Vietnamese, for the people reading them.
z.config(z.locales.vi())

export { Code, DossierCode, LocalDateParam, PlainText, ProcedureCode, UnitCode } from '../contracts/fields.js'

/** Where the cumulative e-certification figure (ecert_units_to_date) starts; a real date. */
/**
 * A date a view is computed "as of" (ngày xét, ngày của văn bản): a real day from 1/1/2000 to a
 * year after today (server clock, Vietnam day), refused otherwise with the field's name.
 */
export const AsOfDateParam = (field: string) =>
  LocalDateParam.superRefine((date, ctx) => {
    const problem = requestDateProblem(field, date, toVietnamDate(new Date()))
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
  })
export const EcertSinceParam = LocalDateParam.refine(isLocalDate, 'Ngày không có thật')
  .optional()
  .describe('Chứng thực điện tử lũy kế (ecert_units_to_date) tính từ ngày này; mặc định từ dữ liệu đầu tiên')
export const IndicatorParam = z.enum(INDICATOR_IDS as [string, ...string[]]).describe('Mã chỉ số (INDICATORS.md)')
export const BooleanParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
export const ScopeParam = z.enum(['own', 'subtree']).default('subtree').describe('own: hồ sơ do đơn vị tiếp nhận; subtree: cả đơn vị cấp dưới')

export const TreeParam = z
  .enum(['period', 'current'])
  .default('period')
  .describe('Liệt kê theo cây đơn vị của kỳ (period, mặc định: đơn vị tồn tại ngày cuối kỳ) hoặc theo đơn vị hiện nay (current). Số liệu một đơn vị luôn gồm hồ sơ của các đơn vị nó kế thừa.')

export const AttributionParam = z
  .enum(['receiver', 'decider'])
  .default('receiver')
  .describe('Hồ sơ giải quyết, đúng hạn, trễ hạn, quá hạn, số hóa kết quả, hài lòng tính cho đơn vị tiếp nhận (receiver, mặc định) hay đơn vị giải quyết (decider); số tiếp nhận luôn tính cho đơn vị tiếp nhận')

export const PeriodQuery = z.object({
  unit: UnitCode,
  from: LocalDateParam.describe('Từ ngày (giờ Việt Nam)'),
  to: LocalDateParam.describe('Đến hết ngày (giờ Việt Nam)'),
})

export const GranularityParam = z.enum(GRANULARITIES as [string, ...string[]])

// The answers' shapes live with the contracts; re-exported for the routes that declare them.
export { CountFigure, ErrorBody, IndicatorValuesSchema, perIndicator, RateFigure } from '../contracts/common.js'
