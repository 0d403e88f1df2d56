import { z } from 'zod'
import { IndicatorValuesSchema, perIndicator } from './common.js'

/** A figure of the indicator table: the value, the previous period's, the target and the rank. */
export const EnrichedFigure = z.object({
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  target: z.object({ minimum: z.number(), decided_by: z.string(), status: z.enum(['meets', 'misses', 'no_value']), gap: z.number().nullable() }).nullable(),
  rank: z.number().nullable(),
})

export const TableRow = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  unit_kind: z.string(),
  scope: z.enum(['own', 'subtree']),
  indicators: perIndicator(EnrichedFigure),
})

/** GET /api/v1/indicators */
export const IndicatorTable = z.object({ from: z.string(), to: z.string(), previous: z.object({ from: z.string(), to: z.string() }), rows: z.array(TableRow) })

/** GET /api/v1/indicators/series */
export const IndicatorSeries = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  scope: z.string(),
  granularity: z.string(),
  points: z.array(z.object({ from: z.string(), to: z.string(), label: z.string(), indicators: IndicatorValuesSchema })),
})

export const DossierBehindFigure = z.object({
  code: z.string(), unit_code: z.string(), unit_name: z.string(), procedure_code: z.string(), procedure_name: z.string(), channel: z.string(), status: z.string(),
  received_at: z.date(), due_at: z.date().nullable(), finished_at: z.date().nullable(), returned_at: z.date().nullable(),
  components_total: z.number(), components_digitized: z.number(), result_digitized: z.boolean(), fee_vnd: z.number(), paid_online: z.boolean(),
  ecert_copies: z.number(), rating: z.string().nullable(),
})

/** GET /api/v1/indicators/dossiers */
export const DossiersBehindPage = z.object({ total: z.number(), page: z.number(), page_size: z.number(), items: z.array(DossierBehindFigure) })

/** GET /api/v1/indicators/ranking */
export const IndicatorRanking = z.object({
  unit_code: z.string(), indicator: z.string(), value: z.number().nullable(), rank: z.number().nullable(), of: z.number(), kind: z.string(),
  within: z.object({ code: z.string(), name: z.string() }),
  ranking: z.array(z.object({ unit_code: z.string(), unit_name: z.string(), value: z.number().nullable(), rank: z.number().nullable() })),
})

export const ListedUnit = z.object({ unitCode: z.string(), unitName: z.string(), value: z.number().nullable() })

/**
 * GET /api/v1/indicators/lists: praised (above), below the low threshold, nothing done, nothing to
 * measure, the communes that never e-certified a copy up to the period's end, and whom a letter
 * criticises (below or never e-certified, and not praised).
 */
export const ThresholdListsAnswer = z.object({
  above: z.array(ListedUnit),
  below: z.array(ListedUnit),
  zero: z.array(ListedUnit),
  noValue: z.array(ListedUnit),
  ecertNotStarted: z.array(ListedUnit),
  criticised: z.array(ListedUnit),
})
