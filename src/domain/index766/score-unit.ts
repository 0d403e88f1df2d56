import { percentage } from '../indicators/percentage.js'
import { add, compare, div, exact, fromDecimal, min, mul, ratioOf, toHundredths, ZERO, type Exact } from './exact.js'
import { ratingBandOf, ScoringRuleKind, TrackedMeasure, type FormulaIndicator, type FormulaSet, type ScoringRule } from './formula-set.js'

/**
 * A count over a count: dossiers, procedures, feedback or communes; for an average (2.2), a total
 * of working days over the dossiers (the numerator may then exceed the denominator).
 */
export interface Fraction {
  numerator: number
  denominator: number
}

/** 3.5 is scored from two procedure-level ratios. */
export interface PaymentInput {
  /**
   * procedures with a fee whose payment is integrated online / procedures with a fee whose
   * integration is known; null when none is known: 3.5 is then "chưa có dữ liệu" (C is still shown)
   */
  b: Fraction | null
  /** procedures with at least one online payment / procedures with a fee */
  c: Fraction
}

export type IndicatorInput = Fraction | PaymentInput

/** Per indicator id; null (or absent) = motcua has no data for it — never an invented 0. */
export type UnitInputs = Readonly<Record<string, IndicatorInput | null | undefined>>

export const IndicatorScoreStatus = {
  scored: 'scored',
  /** Denominator 0, rule `full_points`. */
  emptyFullPoints: 'empty_full_points',
  /** Denominator 0, rule `exclude` (or `spread` with no indicator left to take its points). */
  emptyExcluded: 'empty_excluded',
  /** Denominator 0, rule `spread`: its points went to the other indicators of the group. */
  emptySpread: 'empty_spread',
  noData: 'no_data',
  tracked: 'tracked',
} as const
export type IndicatorScoreStatus = (typeof IndicatorScoreStatus)[keyof typeof IndicatorScoreStatus]

export const NO_DATA_LABEL = 'chưa có dữ liệu'

export interface IndicatorScore {
  id: string
  label: string
  group_id: string
  rule: ScoringRule['kind']
  status: IndicatorScoreStatus
  numerator: number | null
  denominator: number | null
  /** Percentage, half-up to two decimals; null when there is no data or the denominator is 0. */
  ratio: number | null
  /** 3.5 only: its two ratios; b is null when no procedure's integration is known. */
  parts?: { b: (Fraction & { ratio: number | null }) | null; c: Fraction & { ratio: number | null } }
  /** A tracked average (2.2): working days per dossier, half-up to two decimals; null when nothing finished. */
  average?: number | null
  max_points: number
  /** The max after points spread from other indicators of the group (equals max_points otherwise). */
  effective_max_points: number
  /** Half-up to two decimals; null when not scored (no data, excluded, spread, tracked). */
  points: number | null
  explanation: string
}

export interface GroupScore {
  id: string
  label: string
  max_points: number
  /** The points this unit could score in the group: less what has no data or is excluded. */
  scorable_points: number
  points: number
}

export interface UnitScore {
  formula_set: { name: string; valid_from: string; valid_to: string | null }
  indicators: IndicatorScore[]
  groups: GroupScore[]
  total: {
    /** Sum of the indicators' rounded points, so the table adds up. */
    points: number
    scorable_points: number
    max_points: number
    /** points / scorable_points × 100, half-up to two decimals; null when nothing could be scored. */
    score_100: number | null
    band: string | null
    /** Every indicator was scored from data (none "chưa có dữ liệu"). */
    complete: boolean
    /** Ids of the indicators with no data. */
    missing: string[]
  }
}

const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** 3.5152 → "3,52"; 4 → "4". */
export function formatPoints(value: number): string {
  return pointsFormat.format(value)
}

function pct(value: number | null): string {
  return value === null ? '—' : `${percentFormat.format(value)}%`
}

function isPayment(input: IndicatorInput): input is PaymentInput {
  return 'b' in input && 'c' in input
}

/** A ratio needs 0 ≤ numerator ≤ denominator; a total over a count (an average) only both ≥ 0. */
function checkFraction(id: string, f: Fraction, isAverage = false): void {
  if (!Number.isSafeInteger(f.numerator) || !Number.isSafeInteger(f.denominator) || f.numerator < 0 || f.denominator < 0 || (!isAverage && f.numerator > f.denominator)) {
    const wanted = isAverage ? '0 ≤ numerator, 0 ≤ denominator' : '0 ≤ numerator ≤ denominator'
    throw new RangeError(`index 766: indicator ${id} needs ${wanted} (whole numbers), got ${f.numerator}/${f.denominator}`)
  }
}

const isAverageRule = (rule: ScoringRule): boolean => rule.kind === ScoringRuleKind.tracked && rule.measure === TrackedMeasure.averageWorkingDays

/** 12 working days over 5 dossiers → 2.4; null when no dossier. */
function averageOf(f: Fraction): number | null {
  return f.denominator === 0 ? null : toHundredths(ratioOf(f.numerator, f.denominator))
}

/** What a tracked indicator shows: its ratio, or its average ("trung bình 2,4 ngày làm việc"). */
function trackedText(rule: ScoringRule, input: IndicatorInput): string {
  if (isPayment(input) || input.denominator === 0) return 'không phát sinh; chỉ theo dõi, không tính điểm'
  if (isAverageRule(rule)) {
    return `trung bình ${formatPoints(averageOf(input) ?? 0)} ngày làm việc (${input.numerator} ngày làm việc / ${input.denominator} hồ sơ); chỉ theo dõi, không tính điểm`
  }
  return `${input.numerator}/${input.denominator} = ${pct(percentage(input.numerator, input.denominator))}; chỉ theo dõi, không tính điểm`
}

interface Base {
  points: Exact
  explanation: (rounded: number) => string
}

/** An indicator's points before any spreading, from a non-empty input. */
function basePoints(indicator: FormulaIndicator, input: IndicatorInput): Base {
  const max = fromDecimal(indicator.max_points)
  const maxText = formatPoints(indicator.max_points)
  const rule = indicator.rule
  if (rule.kind === ScoringRuleKind.payment35) {
    if (!isPayment(input) || input.b === null) throw new TypeError(`index 766: indicator ${indicator.id} needs the parts b and c`)
    const partB = input.b
    const b = ratioOf(partB.numerator, partB.denominator)
    const c = ratioOf(input.c.numerator, input.c.denominator)
    const termB = min(fromDecimal(rule.cap_b), mul(fromDecimal(rule.factor_b), b))
    const termC = mul(fromDecimal(rule.factor_c), c)
    const sum = add(termB, termC)
    const points = min(max, sum)
    const capped = compare(sum, max) > 0
    return {
      points,
      explanation: (rounded) =>
        `B = ${partB.numerator}/${partB.denominator} = ${pct(percentage(partB.numerator, partB.denominator))}, ` +
        `C = ${input.c.numerator}/${input.c.denominator} = ${pct(percentage(input.c.numerator, input.c.denominator))}; ` +
        `min(${formatPoints(rule.cap_b)}; ${formatPoints(rule.factor_b)} × B) + ${formatPoints(rule.factor_c)} × C = ` +
        `${formatPoints(toHundredths(termB))} + ${formatPoints(toHundredths(termC))}` +
        `${capped ? `, tối đa ${maxText}` : ''} = ${formatPoints(rounded)} điểm`,
    }
  }
  if (isPayment(input)) throw new TypeError(`index 766: indicator ${indicator.id} needs a numerator and a denominator`)
  const { numerator: n, denominator: d } = input
  const ratio = ratioOf(n, d)
  const shown = `${n}/${d}`
  const ratioText = pct(percentage(n, d))
  switch (rule.kind) {
    case ScoringRuleKind.linear:
      return { points: mul(max, ratio), explanation: (r) => `${maxText} × ${shown} = ${formatPoints(r)} điểm` }
    case ScoringRuleKind.fullAt: {
      const threshold = div(fromDecimal(rule.threshold_percent), exact(100n))
      const thresholdText = pct(rule.threshold_percent)
      if (compare(ratio, threshold) >= 0) {
        return { points: max, explanation: () => `${shown} = ${ratioText} ≥ ${thresholdText} → đủ ${maxText} điểm` }
      }
      return {
        points: div(mul(max, ratio), threshold),
        explanation: (r) => `${shown} = ${ratioText} < ${thresholdText} → ${maxText} × ${ratioText} / ${thresholdText} = ${formatPoints(r)} điểm`,
      }
    }
    case ScoringRuleKind.cappedLinear: {
      const threshold = div(fromDecimal(rule.threshold_percent), exact(100n))
      return {
        points: min(max, div(mul(fromDecimal(rule.factor), ratio), threshold)),
        explanation: (r) =>
          `${shown} = ${ratioText}; min(${maxText}; ${formatPoints(rule.factor)} × ${ratioText} / ${pct(rule.threshold_percent)}) = ${formatPoints(r)} điểm`,
      }
    }
    case ScoringRuleKind.tracked:
      return { points: ZERO, explanation: () => `${shown} = ${ratioText}; chỉ theo dõi, không tính điểm` }
  }
}

function isEmpty(input: IndicatorInput): boolean {
  return isPayment(input) ? input.b?.denominator === 0 || input.c.denominator === 0 : input.denominator === 0
}

interface Working {
  indicator: FormulaIndicator
  groupId: string
  input: IndicatorInput | null
  status: IndicatorScoreStatus
  base: Base | null
  explanation: string
}

/**
 * The Decision 766 score of one unit and period under a formula set: each indicator with its
 * numerator, denominator, ratio, points and the sum written out; group subtotals; the total
 * out of the points that could be scored (what has no data is listed, never guessed); the
 * band of that total brought to 100.
 */
export function scoreUnit(set: FormulaSet, inputs: UnitInputs): UnitScore {
  const indicators: IndicatorScore[] = []
  const groups: GroupScore[] = []
  let totalPoints = 0
  let totalScorable = ZERO
  let totalMax = ZERO
  const missing: string[] = []

  for (const group of set.groups) {
    const work: Working[] = group.indicators.map((indicator) => {
      const input = inputs[indicator.id] ?? null
      if (input === null) return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.noData, base: null, explanation: NO_DATA_LABEL }
      if (isPayment(input)) {
        if (input.b !== null) checkFraction(indicator.id, input.b)
        checkFraction(indicator.id, input.c)
        if (input.b === null) {
          const c = `C = ${input.c.numerator}/${input.c.denominator} = ${pct(percentage(input.c.numerator, input.c.denominator))}`
          return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.noData, base: null, explanation: `${NO_DATA_LABEL}: chưa biết TTHC có phí, lệ phí nào được tích hợp thanh toán trực tuyến (B); ${c}` }
        }
      } else checkFraction(indicator.id, input, isAverageRule(indicator.rule))
      if (indicator.rule.kind === ScoringRuleKind.tracked) {
        return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.tracked, base: null, explanation: trackedText(indicator.rule, input) }
      }
      if (isEmpty(input)) {
        const max = formatPoints(indicator.max_points)
        switch (indicator.on_empty_denominator) {
          case 'full_points':
            return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.emptyFullPoints, base: { points: fromDecimal(indicator.max_points), explanation: () => `không phát sinh → đủ ${max} điểm` }, explanation: '' }
          case 'exclude':
            return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.emptyExcluded, base: null, explanation: `không phát sinh → không tính, điểm tối đa bớt ${max}` }
          case 'spread':
            return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.emptySpread, base: null, explanation: '' }
        }
      }
      return { indicator, groupId: group.id, input, status: IndicatorScoreStatus.scored, base: basePoints(indicator, input), explanation: '' }
    })

    // Points of empty `spread` indicators go to the indicators of the group that are scored,
    // in proportion to their max; with none to take them, they are not scored at all.
    const spreading = work.filter((w) => w.status === IndicatorScoreStatus.emptySpread)
    const receivers = work.filter((w) => w.base !== null && w.indicator.max_points > 0)
    const spreadMax = spreading.reduce((sum, w) => add(sum, fromDecimal(w.indicator.max_points)), ZERO)
    const receiversMax = receivers.reduce((sum, w) => add(sum, fromDecimal(w.indicator.max_points)), ZERO)
    const spreadIds = spreading.map((w) => w.indicator.id).join(', ')
    const scale = spreading.length > 0 && receivers.length > 0 ? div(add(receiversMax, spreadMax), receiversMax) : exact(1n)
    for (const w of spreading) {
      const max = formatPoints(w.indicator.max_points)
      if (receivers.length > 0) {
        w.explanation = `không phát sinh → ${max} điểm chia cho các chỉ số khác của nhóm`
      } else {
        w.status = IndicatorScoreStatus.emptyExcluded
        w.explanation = `không phát sinh; không còn chỉ số nào trong nhóm để chia điểm → không tính, điểm tối đa bớt ${max}`
      }
    }

    let groupPoints = 0
    let groupScorable = ZERO
    for (const w of work) {
      const max = fromDecimal(w.indicator.max_points)
      const fraction = w.input && !isPayment(w.input) ? w.input : null
      const average = fraction !== null && isAverageRule(w.indicator.rule)
      let points: number | null = null
      let effectiveMax = max
      let explanation = w.explanation
      if (w.base) {
        const spread = spreading.length > 0 && receivers.includes(w)
        effectiveMax = spread ? mul(max, scale) : max
        const exactPoints = spread ? mul(w.base.points, scale) : w.base.points
        points = toHundredths(exactPoints)
        const basic = w.base.explanation(toHundredths(w.base.points))
        explanation = spread
          ? `${basic}; nhận điểm của ${spreadIds} (không phát sinh): × ${formatPoints(toHundredths(effectiveMax))}/${formatPoints(w.indicator.max_points)} = ${formatPoints(points)} điểm`
          : basic
        groupPoints += points
        groupScorable = add(groupScorable, effectiveMax)
      }
      // A tracked indicator scores nothing either way: its absence leaves the score complete.
      if (w.status === IndicatorScoreStatus.noData && w.indicator.rule.kind !== ScoringRuleKind.tracked) missing.push(w.indicator.id)
      const score: IndicatorScore = {
        id: w.indicator.id,
        label: w.indicator.label,
        group_id: group.id,
        rule: w.indicator.rule.kind,
        status: w.status,
        numerator: fraction ? fraction.numerator : null,
        denominator: fraction ? fraction.denominator : null,
        // An average is no percentage: it is given as `average` instead.
        ratio: fraction && !average ? percentage(fraction.numerator, fraction.denominator) : null,
        max_points: w.indicator.max_points,
        effective_max_points: toHundredths(effectiveMax),
        points,
        explanation,
      }
      if (average) score.average = averageOf(fraction)
      if (w.input && isPayment(w.input)) {
        score.parts = {
          b: w.input.b === null ? null : { ...w.input.b, ratio: percentage(w.input.b.numerator, w.input.b.denominator) },
          c: { ...w.input.c, ratio: percentage(w.input.c.numerator, w.input.c.denominator) },
        }
      }
      indicators.push(score)
    }
    // Summed in hundredths so 3.52 + 1.25 is 4.77, not 4.7700000000000005.
    groupPoints = Math.round(groupPoints * 100) / 100
    groups.push({ id: group.id, label: group.label, max_points: group.max_points, scorable_points: toHundredths(groupScorable), points: groupPoints })
    totalPoints = Math.round((totalPoints + groupPoints) * 100) / 100
    totalScorable = add(totalScorable, groupScorable)
    totalMax = add(totalMax, fromDecimal(group.max_points))
  }

  const scorable = toHundredths(totalScorable)
  // From the rounded points, so the figure shown is the one a reader gets from the table.
  const score100 = compare(totalScorable, ZERO) > 0 ? toHundredths(div(mul(fromDecimal(totalPoints), exact(100n)), totalScorable)) : null
  return {
    formula_set: { name: set.name, valid_from: set.valid_from, valid_to: set.valid_to },
    indicators,
    groups,
    total: {
      points: totalPoints,
      scorable_points: scorable,
      max_points: toHundredths(totalMax),
      score_100: score100,
      band: score100 === null ? null : (ratingBandOf(set, score100)?.label ?? null),
      complete: missing.length === 0,
      missing,
    },
  }
}
