import { z } from 'zod'
import { INDICATOR_IDS } from '../domain/indicators/indicator-id.js'

/*
 * The API's contracts: the zod schemas of what it answers, shared by the server (validation,
 * serialisation, OpenAPI) and the console (types). Pure zod and domain: no HTTP, no SQL, so the
 * console's build can import their types.
 */

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string().describe('Thông báo bằng tiếng Việt'),
  details: z.array(z.object({ line: z.number().optional(), column: z.string().optional(), value: z.string().optional(), reason: z.string() })).optional(),
})

export const RateFigure = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() })
export const CountFigure = z.object({ value: z.number() })

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
