import { z } from 'zod'
import { ScoringRuleKind } from '../domain/index766/formula-set.js'
import { IndicatorScoreStatus } from '../domain/index766/score-unit.js'

/*
 * The Decision 766 answers as zod schemas: they validate, serialise (a field they do not name
 * is dropped from the answer) and feed OpenAPI. src/http/routes/v1/index766.schemas.ts holds
 * the key checks that make the compiler say so when the domain's types gain a field these lack.
 */

/** Kỳ đánh giá: a year, a quarter or a month. */
export const IndexPeriodParam = z
  .string()
  .regex(/^\d{4}(-[Qq][1-4]|-(0[1-9]|1[0-2]))?$/, 'Kỳ đánh giá phải có dạng 2023-Q3 (quý), 2023-09 (tháng) hoặc 2023 (năm)')
  .describe('Kỳ đánh giá: 2023 (năm), 2023-Q3 (quý) hoặc 2023-09 (tháng)')

export const FractionWithRatio = z.object({ numerator: z.number(), denominator: z.number(), ratio: z.number().nullable() })
export const RuleKind = z.enum(Object.values(ScoringRuleKind) as [ScoringRuleKind, ...ScoringRuleKind[]])

export const IndicatorScoreSchema = z.object({
  id: z.string(),
  label: z.string(),
  group_id: z.string(),
  rule: RuleKind,
  status: z.enum(Object.values(IndicatorScoreStatus) as [IndicatorScoreStatus, ...IndicatorScoreStatus[]]),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratio: z.number().nullable().describe('Phần trăm, làm tròn hai chữ số'),
  parts: z.object({ b: FractionWithRatio.nullable().describe('null: chưa biết TTHC nào được tích hợp thanh toán trực tuyến'), c: FractionWithRatio }).optional(),
  average: z.number().nullable().optional().describe('Chỉ số theo dõi trung bình (2.2): số ngày làm việc trung bình mỗi hồ sơ, làm tròn hai chữ số'),
  max_points: z.number(),
  effective_max_points: z.number(),
  points: z.number().nullable().describe('null: chưa có dữ liệu, không tính hoặc chỉ theo dõi'),
  explanation: z.string(),
})

export const UnitScoreSchema = z.object({
  formula_set: z.object({ name: z.string(), valid_from: z.string(), valid_to: z.string().nullable() }),
  indicators: z.array(IndicatorScoreSchema),
  groups: z.array(z.object({ id: z.string(), label: z.string(), max_points: z.number(), scorable_points: z.number(), points: z.number() })),
  total: z.object({
    points: z.number(),
    scorable_points: z.number(),
    max_points: z.number(),
    score_100: z.number().nullable(),
    band: z.string().nullable(),
    complete: z.boolean(),
    missing: z.array(z.string()),
  }),
})

export const WhatIfStepSchema = z.object({ extra_numerator: z.number(), points_gained: z.number(), sentence: z.string() })
export const WhatIfOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  current_points: z.number(),
  first_point: WhatIfStepSchema.nullable(),
  to_full: WhatIfStepSchema,
})

export const IndexReportSchema = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  formula_set_applies: z.boolean(),
  sources: z.record(z.string(), z.string()),
  score: UnitScoreSchema,
  what_if: z.array(WhatIfOptionSchema),
})

export const IndexChildSchema = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  kind: z.string(),
  total: z.number(),
  max_total: z.number().describe('Điểm có thể chấm: điểm tối đa trừ các chỉ số chưa có dữ liệu'),
  band: z.string().nullable(),
  rank: z.number().int(),
})

export const IndexTrendPointSchema = z.object({ period: z.string(), from: z.string(), to: z.string(), total: z.number(), max_total: z.number() })

export const IndexOverviewSchema = z.object({ report: IndexReportSchema, children: z.array(IndexChildSchema), trend: z.array(IndexTrendPointSchema) })

export const FormulaSetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  source: z.string().nullable(),
  is_default: z.boolean(),
  max_points: z.number(),
  groups: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      max_points: z.number(),
      indicators: z.array(z.object({ id: z.string(), label: z.string(), max_points: z.number(), rule: RuleKind })),
    }),
  ),
  bands: z.array(z.object({ min_score: z.number(), label: z.string() })),
})

