import { formatPoints, scoreUnit, type Fraction, type UnitInputs } from './score-unit.js'
import { ScoringRuleKind, type FormulaSet } from './formula-set.js'

export interface WhatIfStep {
  /** More numerator items (dossiers, procedures…) out of the same denominator. */
  extra_numerator: number
  /** Points the unit's total gains with them. */
  points_gained: number
  sentence: string
}

export interface WhatIfOption {
  id: string
  label: string
  numerator: number
  denominator: number
  current_points: number
  /** The smallest step that gains a whole point, when the indicator has a point to give. */
  first_point: WhatIfStep | null
  /** Everything the indicator can still give, and the fewest items that take. */
  to_full: WhatIfStep
}

const round2 = (value: number) => Math.round(value * 100) / 100

function isFraction(input: unknown): input is Fraction {
  return typeof input === 'object' && input !== null && 'numerator' in input && 'denominator' in input
}

/** The smallest k in [0, max] with gain(k) ≥ wanted; gain is non-decreasing in k. */
function fewestFor(gain: (k: number) => number, wanted: number, max: number): number {
  let low = 0
  let high = max
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (gain(middle) >= wanted) high = middle
    else low = middle + 1
  }
  return low
}

/**
 * Where a unit's points are: for each indicator scored from a numerator and a denominator,
 * how many more numerator items (the same denominator: existing dossiers paid online, synchronised,
 * digitized…) gain the first whole point and everything the indicator has left, measured on the
 * unit's total (so points spread within a group count). The biggest gains come first.
 */
export function whatIf(set: FormulaSet, inputs: UnitInputs): WhatIfOption[] {
  const baseline = scoreUnit(set, inputs)
  const options: WhatIfOption[] = []
  for (const group of set.groups) {
    for (const indicator of group.indicators) {
      const input = inputs[indicator.id]
      if (!isFraction(input) || input.denominator === 0) continue
      if (indicator.rule.kind === ScoringRuleKind.tracked || indicator.rule.kind === ScoringRuleKind.payment35) continue
      const room = input.denominator - input.numerator
      if (room === 0) continue
      const memo = new Map<number, number>()
      const gain = (k: number): number => {
        let value = memo.get(k)
        if (value === undefined) {
          const total = scoreUnit(set, { ...inputs, [indicator.id]: { numerator: input.numerator + k, denominator: input.denominator } }).total.points
          value = round2(total - baseline.total.points)
          memo.set(k, value)
        }
        return value
      }
      const fullGain = gain(room)
      if (fullGain <= 0) continue
      const noun = indicator.numerator_noun ?? 'hồ sơ'
      const step = (k: number): WhatIfStep => {
        const points = gain(k)
        return {
          extra_numerator: k,
          points_gained: points,
          sentence: `${indicator.id}: thêm ${formatPoints(points)} điểm nếu thêm ${k} ${noun} (${input.numerator + k}/${input.denominator})`,
        }
      }
      const current = baseline.indicators.find((i) => i.id === indicator.id)?.points ?? 0
      options.push({
        id: indicator.id,
        label: indicator.label,
        numerator: input.numerator,
        denominator: input.denominator,
        current_points: current,
        first_point: fullGain >= 1 ? step(fewestFor(gain, 1, room)) : null,
        to_full: step(fewestFor(gain, fullGain, room)),
      })
    }
  }
  return options.sort((a, b) => b.to_full.points_gained - a.to_full.points_gained || a.to_full.extra_numerator - b.to_full.extra_numerator)
}

/**
 * The fewest more numerator items one indicator needs to gain `points` on the unit's total,
 * with the sentence ("thêm 2 điểm nếu thêm 40 hồ sơ thanh toán trực tuyến"); null when the
 * indicator cannot give that many (no data, nothing to measure, or not enough room).
 */
export function stepForPoints(set: FormulaSet, inputs: UnitInputs, id: string, points: number): WhatIfStep | null {
  const indicator = set.groups.flatMap((g) => g.indicators).find((i) => i.id === id)
  const input = inputs[id]
  if (!indicator || !isFraction(input) || input.denominator === 0) return null
  const baseline = scoreUnit(set, inputs).total.points
  const room = input.denominator - input.numerator
  const gain = (k: number) => round2(scoreUnit(set, { ...inputs, [id]: { numerator: input.numerator + k, denominator: input.denominator } }).total.points - baseline)
  if (gain(room) < points) return null
  const k = fewestFor(gain, points, room)
  return {
    extra_numerator: k,
    points_gained: gain(k),
    sentence: `thêm ${formatPoints(points)} điểm nếu thêm ${k} ${indicator.numerator_noun ?? 'hồ sơ'}`,
  }
}
