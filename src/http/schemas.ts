import { z } from 'zod'
import { INDICATOR_IDS } from '../domain/indicators/indicator-id.js'
import { GRANULARITIES } from '../domain/indicators/series-buckets.js'
import { isLocalDate } from '../domain/time/local-date.js'

// Messages of validation errors in Vietnamese, for the people reading them.
z.config(z.locales.vi())

/** No control characters (a NUL byte would reach PostgreSQL as an encoding error). */
export const PlainText = (max: number) => z.string().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'Không được chứa ký tự điều khiển')
export const UnitCode = PlainText(64).describe('Mã định danh đơn vị, ví dụ H23.07')
export const LocalDateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
/** Where the cumulative e-certification figure (ecert_units_to_date) starts; a real date. */
export const EcertSinceParam = LocalDateParam.refine(isLocalDate, 'Ngày không có thật')
  .optional()
  .describe('Chứng thực điện tử lũy kế (ecert_units_to_date) tính từ ngày này; mặc định từ dữ liệu đầu tiên')
export const IndicatorParam = z.enum(INDICATOR_IDS as [string, ...string[]]).describe('Mã chỉ số (INDICATORS.md)')
export const BooleanParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
export const ScopeParam = z.enum(['own', 'subtree']).default('subtree').describe('own: hồ sơ do đơn vị tiếp nhận; subtree: cả đơn vị cấp dưới')

export const PeriodQuery = z.object({
  unit: UnitCode,
  from: LocalDateParam.describe('Từ ngày (giờ Việt Nam)'),
  to: LocalDateParam.describe('Đến hết ngày (giờ Việt Nam)'),
})

export const RateFigure = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() })
export const CountFigure = z.object({ value: z.number() })

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string().describe('Thông báo bằng tiếng Việt'),
  details: z.array(z.object({ line: z.number().optional(), column: z.string().optional(), value: z.string().optional(), reason: z.string() })).optional(),
})

export const GranularityParam = z.enum(GRANULARITIES as [string, ...string[]])

/** The indicators of one row, as INTERCHANGE.md writes them. */
export const IndicatorValuesSchema = z.object({
  received: CountFigure,
  online_rate: RateFigure,
  dossier_digitization_rate: RateFigure,
  result_digitization_rate: RateFigure,
  on_time_rate: RateFigure,
  late: CountFigure,
  overdue_open: CountFigure,
  online_payment_rate: RateFigure,
  ecert_copies: CountFigure,
  ecert_units: CountFigure.optional(),
  ecert_units_to_date: CountFigure.optional(),
  satisfaction_rate: RateFigure,
})

/** One schema per indicator id, all optional: for rows that carry some of them. */
export function perIndicator<T extends z.ZodType>(figure: T) {
  return z.object(Object.fromEntries(INDICATOR_IDS.map((id) => [id, figure.optional()])) as Record<(typeof INDICATOR_IDS)[number], z.ZodOptional<T>>)
}
