import { z } from 'zod'

/*
 * A Decision 766 formula set: every weight, threshold and rule of the index as data, with a
 * name and validity dates, so a corrected or newer scoring is an edit of a JSON-like object,
 * not a code change (INDICATORS.md, "The Decision 766 index"). A score always names the set
 * it used.
 */

/** How an indicator's ratio becomes points. */
export const ScoringRuleKind = {
  /** max × ratio */
  linear: 'linear',
  /** full points at ratio ≥ threshold, else max × ratio / threshold */
  fullAt: 'full_at',
  /** min(max, factor × ratio / threshold) */
  cappedLinear: 'capped_linear',
  /** 3.5: min(capB, factorB · B) + factorC · C, never above the indicator's max */
  payment35: 'payment_3_5',
  /** 0 points: shown, never scored */
  tracked: 'tracked',
} as const
export type ScoringRuleKind = (typeof ScoringRuleKind)[keyof typeof ScoringRuleKind]

/** What a tracked indicator shows: a ratio (5.1), or an average in working days per dossier (2.2). */
export const TrackedMeasure = {
  /** numerator / denominator as a percentage */
  ratio: 'ratio',
  /** total working days (numerator) / dossiers (denominator): may exceed 1 */
  averageWorkingDays: 'average_working_days',
} as const
export type TrackedMeasure = (typeof TrackedMeasure)[keyof typeof TrackedMeasure]

/** What an indicator whose denominator is 0 ("không phát sinh") scores. */
export const EmptyDenominatorRule = {
  /** Full points: nothing was due, nothing was missed. The default (INDICATORS.md). */
  fullPoints: 'full_points',
  /** Not scored: the total is shown out of the points that could be scored without it. */
  exclude: 'exclude',
  /** Its points are spread over the other indicators of its group, in proportion to their max. */
  spread: 'spread',
} as const
export type EmptyDenominatorRule = (typeof EmptyDenominatorRule)[keyof typeof EmptyDenominatorRule]

const percent = z.number().gt(0).max(100)

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(ScoringRuleKind.linear) }),
  z.object({ kind: z.literal(ScoringRuleKind.fullAt), threshold_percent: percent }),
  z.object({ kind: z.literal(ScoringRuleKind.cappedLinear), factor: z.number().positive(), threshold_percent: percent }),
  z.object({
    kind: z.literal(ScoringRuleKind.payment35),
    factor_b: z.number().positive(),
    cap_b: z.number().positive(),
    factor_c: z.number().positive(),
  }),
  z.object({ kind: z.literal(ScoringRuleKind.tracked), measure: z.enum([TrackedMeasure.ratio, TrackedMeasure.averageWorkingDays]).default(TrackedMeasure.ratio) }),
])
export type ScoringRule = z.infer<typeof scoringRuleSchema>

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dạng YYYY-MM-DD')

export const formulaIndicatorSchema = z.object({
  /** As the law numbers it: '1.1', '2.1', '3.6'…; ids of parts it does not number are ours ('4.ct'). */
  id: z.string().min(1),
  label: z.string().min(1),
  max_points: z.number().min(0),
  rule: scoringRuleSchema,
  on_empty_denominator: z.enum([EmptyDenominatorRule.fullPoints, EmptyDenominatorRule.exclude, EmptyDenominatorRule.spread]).default(EmptyDenominatorRule.fullPoints),
  /** What one more numerator item is, for what-if sentences ("hồ sơ thanh toán trực tuyến"). */
  numerator_noun: z.string().min(1).optional(),
})
export type FormulaIndicator = z.infer<typeof formulaIndicatorSchema>

export const formulaGroupSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  max_points: z.number().min(0),
  indicators: z.array(formulaIndicatorSchema).min(1),
})
export type FormulaGroup = z.infer<typeof formulaGroupSchema>

export const ratingBandSchema = z.object({ min_score: z.number().min(0).max(100), label: z.string().min(1) })
export type RatingBand = z.infer<typeof ratingBandSchema>

export const formulaSetSchema = z
  .object({
    name: z.string().min(1),
    valid_from: localDate,
    valid_to: localDate.nullable(),
    /** Where the weights come from, said plainly (a reconstruction is not the law's appendix). */
    source: z.string().optional(),
    groups: z.array(formulaGroupSchema).min(1),
    /** Highest first or not: they are sorted when used. A score below every band has none. */
    bands: z.array(ratingBandSchema),
  })
  .superRefine((set, ctx) => {
    if (set.valid_to !== null && set.valid_to < set.valid_from) {
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: `Ngày hết hiệu lực (${set.valid_to}) trước ngày bắt đầu (${set.valid_from})` })
    }
    const seen = new Set<string>()
    set.groups.forEach((group, g) => {
      const sum = group.indicators.reduce((total, indicator) => total + indicator.max_points, 0)
      // Compared in thousandths: weights like 2.5 are exact there.
      if (Math.round(sum * 1000) !== Math.round(group.max_points * 1000)) {
        ctx.addIssue({ code: 'custom', path: ['groups', g, 'max_points'], message: `Nhóm ${group.id}: tổng điểm các chỉ số (${sum}) khác điểm tối đa của nhóm (${group.max_points})` })
      }
      group.indicators.forEach((indicator, i) => {
        if (seen.has(indicator.id)) ctx.addIssue({ code: 'custom', path: ['groups', g, 'indicators', i, 'id'], message: `Trùng mã chỉ số ${indicator.id}` })
        seen.add(indicator.id)
        if (indicator.rule.kind === ScoringRuleKind.tracked && indicator.max_points !== 0) {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'indicators', i, 'max_points'], message: `Chỉ số ${indicator.id} chỉ theo dõi nên có 0 điểm` })
        }
      })
    })
  })
export type FormulaSet = z.infer<typeof formulaSetSchema>
/** The shape an editor writes: defaults may be left out. */
export type FormulaSetInput = z.input<typeof formulaSetSchema>

/** Checks a formula set (from code or a file); throws zod's error with Vietnamese messages on a bad one. */
export function parseFormulaSet(input: unknown): FormulaSet {
  return formulaSetSchema.parse(input)
}

/** Whether the set applies on a date (inclusive at both ends). */
export function formulaSetAppliesOn(set: FormulaSet, date: string): boolean {
  return date >= set.valid_from && (set.valid_to === null || date <= set.valid_to)
}

/** The band a score out of 100 falls in, or null below every band. */
export function ratingBandOf(set: FormulaSet, score100: number): RatingBand | null {
  const sorted = [...set.bands].sort((a, b) => b.min_score - a.min_score)
  return sorted.find((band) => score100 >= band.min_score) ?? null
}
