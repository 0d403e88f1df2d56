import { describe, expect, it } from 'vitest'
import { DEFAULT_FORMULA_SET, DEFAULT_FORMULA_SET_INPUT } from './default-formula-set.js'
import { parseFormulaSet, ratingBandOf, type FormulaSet, type FormulaSetInput } from './formula-set.js'
import { scoreUnit, type IndicatorScore, type UnitInputs } from './score-unit.js'

function indicator(score: ReturnType<typeof scoreUnit>, id: string): IndicatorScore {
  const found = score.indicators.find((i) => i.id === id)
  if (!found) throw new Error(`no indicator ${id}`)
  return found
}

function group(score: ReturnType<typeof scoreUnit>, id: string) {
  const found = score.groups.find((g) => g.id === id)
  if (!found) throw new Error(`no group ${id}`)
  return found
}

/** The default set with the satisfaction group's empty-denominator rule for 5.2 and 5.3 changed. */
function withFeedbackRule(rule: 'full_points' | 'exclude' | 'spread'): FormulaSet {
  const input = structuredClone(DEFAULT_FORMULA_SET_INPUT)
  for (const g of input.groups) for (const i of g.indicators) if (i.id === '5.2' || i.id === '5.3') i.on_empty_denominator = rule
  return parseFormulaSet(input)
}

describe('the default formula set', () => {
  it('is the table of INDICATORS.md: six groups adding up to 100 points', () => {
    const total = DEFAULT_FORMULA_SET.groups.reduce((sum, g) => sum + g.max_points, 0)
    expect(total).toBe(100)
    expect(DEFAULT_FORMULA_SET.groups.map((g) => g.max_points)).toEqual([18, 20, 12, 10, 22, 18])
    expect(DEFAULT_FORMULA_SET.name).toBe('Cổng DVC quốc gia 2025–2026 (tái dựng)')
    expect(DEFAULT_FORMULA_SET.valid_from).toBe('2025-01-01')
  })

  it('refuses a set whose indicators do not add up to their group', () => {
    const input: FormulaSetInput = structuredClone(DEFAULT_FORMULA_SET_INPUT)
    input.groups[0]!.indicators[0]!.max_points = 7
    expect(() => parseFormulaSet(input)).toThrow(/tổng điểm các chỉ số \(19\) khác điểm tối đa của nhóm \(18\)/)
  })

  it('places scores in the configurable bands', () => {
    expect(ratingBandOf(DEFAULT_FORMULA_SET, 90)?.label).toBe('xuất sắc')
    expect(ratingBandOf(DEFAULT_FORMULA_SET, 89.99)?.label).toBe('tốt')
    expect(ratingBandOf(DEFAULT_FORMULA_SET, 70)?.label).toBe('khá')
    expect(ratingBandOf(DEFAULT_FORMULA_SET, 50)?.label).toBe('trung bình')
    expect(ratingBandOf(DEFAULT_FORMULA_SET, 49.99)?.label).toBe('yếu')
  })
})

describe('scoreUnit, one rule at a time', () => {
  it('linear: max × ratio, the sum written out', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, { '1.4': { numerator: 290, denominator: 495 } })
    // 6 × 290 / 495 = 3,5151… → 3,52
    expect(indicator(score, '1.4')).toMatchObject({ numerator: 290, denominator: 495, ratio: 58.59, points: 3.52, rule: 'linear', status: 'scored' })
    expect(indicator(score, '1.4').explanation).toBe('6 × 290/495 = 3,52 điểm')
  })

  it('full_at 80 %: full points at exactly 80 %, in proportion below', () => {
    const at = scoreUnit(DEFAULT_FORMULA_SET, { '4.2': { numerator: 80, denominator: 100 } })
    expect(indicator(at, '4.2').points).toBe(4)
    expect(indicator(at, '4.2').explanation).toBe('80/100 = 80% ≥ 80% → đủ 4 điểm')
    // 4 × 0,79 / 0,80 = 3,95
    const below = scoreUnit(DEFAULT_FORMULA_SET, { '4.2': { numerator: 79, denominator: 100 } })
    expect(indicator(below, '4.2').points).toBe(3.95)
    expect(indicator(below, '4.2').explanation).toBe('79/100 = 79% < 80% → 4 × 79% / 80% = 3,95 điểm')
    // 4 × (2/3) / 0,8 = 3,333… → 3,33
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '4.2': { numerator: 2, denominator: 3 } }), '4.2').points).toBe(3.33)
  })

  it('full_at 90 %: 5.4 satisfaction', () => {
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '5.4': { numerator: 90, denominator: 100 } }), '5.4').points).toBe(6)
    // 6 × 0,81 / 0,90 = 5,40
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '5.4': { numerator: 81, denominator: 100 } }), '5.4').points).toBe(5.4)
    // 89,9 % is not 90 %: 6 × 0,899 / 0,9 = 5,9933… → 5,99
    const justBelow = indicator(scoreUnit(DEFAULT_FORMULA_SET, { '5.4': { numerator: 899, denominator: 1000 } }), '5.4')
    expect(justBelow.points).toBe(5.99)
    expect(justBelow.explanation).toBe('899/1000 = 89,9% < 90% → 6 × 89,9% / 90% = 5,99 điểm')
  })

  it('capped_linear: min(2, 2 × ratio / 80 %) for 4.3', () => {
    // 2 × 0,30 / 0,80 = 0,75
    const low = indicator(scoreUnit(DEFAULT_FORMULA_SET, { '4.3': { numerator: 30, denominator: 100 } }), '4.3')
    expect(low.points).toBe(0.75)
    expect(low.explanation).toBe('30/100 = 30%; min(2; 2 × 30% / 80%) = 0,75 điểm')
    // 2 × 0,90 / 0,80 = 2,25 → capped at 2
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '4.3': { numerator: 90, denominator: 100 } }), '4.3').points).toBe(2)
  })

  it('payment_3_5: min(2, 2,5·B) + 2,5·C, never above its 4 points', () => {
    // B = 50 %, C = 40 %: min(2; 1,25) + 1 = 2,25
    const mid = indicator(scoreUnit(DEFAULT_FORMULA_SET, { '3.5': { b: { numerator: 5, denominator: 10 }, c: { numerator: 4, denominator: 10 } } }), '3.5')
    expect(mid.points).toBe(2.25)
    expect(mid.explanation).toBe('B = 5/10 = 50%, C = 4/10 = 40%; min(2; 2,5 × B) + 2,5 × C = 1,25 + 1 = 2,25 điểm')
    expect(mid.parts).toEqual({ b: { numerator: 5, denominator: 10, ratio: 50 }, c: { numerator: 4, denominator: 10, ratio: 40 } })
    // B = 90 %, C = 90 %: min(2; 2,25) + 2,25 = 4,25 → 4
    const high = indicator(scoreUnit(DEFAULT_FORMULA_SET, { '3.5': { b: { numerator: 9, denominator: 10 }, c: { numerator: 9, denominator: 10 } } }), '3.5')
    expect(high.points).toBe(4)
    expect(high.explanation).toContain('tối đa 4 = 4 điểm')
  })

  it('payment_3_5 with B not known (no procedure with a fee has its integration known): "chưa có dữ liệu", C still shown, counted as missing', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, { '3.6': { numerator: 1, denominator: 3 }, '3.5': { b: null, c: { numerator: 3, denominator: 5 } } })
    expect(indicator(score, '3.5')).toMatchObject({
      status: 'no_data', points: null,
      parts: { b: null, c: { numerator: 3, denominator: 5, ratio: 60 } },
      explanation: 'chưa có dữ liệu: chưa biết TTHC có phí, lệ phí nào được tích hợp thanh toán trực tuyến (B); C = 3/5 = 60%',
    })
    expect(group(score, '3tt')).toMatchObject({ scorable_points: 6, points: 2 })
    expect(score.total.missing).toContain('3.5')
  })

  it('tracked: 2.2 and 5.1 are shown, never scored', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, { '5.1': { numerator: 12, denominator: 15 } })
    expect(indicator(score, '5.1')).toMatchObject({ status: 'tracked', points: null, ratio: 80, explanation: '12/15 = 80%; chỉ theo dõi, không tính điểm' })
    expect(score.total.missing).not.toContain('2.2')
  })

  it('2.2 is an average in working days: 12 working days over 5 finished dossiers is 2,4 a dossier, no percentage, no points', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, { '2.2': { numerator: 12, denominator: 5 } })
    expect(indicator(score, '2.2')).toMatchObject({
      status: 'tracked', points: null, numerator: 12, denominator: 5, ratio: null, average: 2.4,
      explanation: 'trung bình 2,4 ngày làm việc (12 ngày làm việc / 5 hồ sơ); chỉ theo dõi, không tính điểm',
    })
    // 2/3 = 0,666… → 0,67 (half-up).
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '2.2': { numerator: 2, denominator: 3 } }), '2.2').average).toBe(0.67)
    expect(indicator(scoreUnit(DEFAULT_FORMULA_SET, { '2.2': { numerator: 0, denominator: 0 } }), '2.2')).toMatchObject({ average: null, explanation: 'không phát sinh; chỉ theo dõi, không tính điểm' })
    expect(indicator(score, '5.1').average).toBeUndefined()
    expect(score.total).toMatchObject({ points: 0, scorable_points: 0 })
  })

  it('an indicator with no data is "chưa có dữ liệu", never 0, and leaves the points that could be scored', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, { '1.4': { numerator: 1, denominator: 2 } })
    expect(indicator(score, '1.1')).toMatchObject({ status: 'no_data', points: null, numerator: null, ratio: null, explanation: 'chưa có dữ liệu' })
    expect(group(score, '1')).toEqual({ id: '1', label: 'Công khai, minh bạch', max_points: 18, scorable_points: 6, points: 3 })
    expect(score.total).toMatchObject({ points: 3, scorable_points: 6, max_points: 100, score_100: 50, band: 'trung bình', complete: false })
  })

  it('says which formula set it used', () => {
    expect(scoreUnit(DEFAULT_FORMULA_SET, {}).formula_set).toEqual({ name: 'Cổng DVC quốc gia 2025–2026 (tái dựng)', valid_from: '2025-01-01', valid_to: '2026-12-31' })
  })

  it('a changed formula set is data, not code: 4.2 at 90 % instead of 80 %', () => {
    const input = structuredClone(DEFAULT_FORMULA_SET_INPUT)
    const i42 = input.groups.flatMap((g) => g.indicators).find((i) => i.id === '4.2')!
    i42.rule = { kind: 'full_at', threshold_percent: 90 }
    const set = parseFormulaSet({ ...input, name: 'thử ngưỡng 90%' })
    // 4 × 0,85 / 0,90 = 3,777… → 3,78
    const score = scoreUnit(set, { '4.2': { numerator: 85, denominator: 100 } })
    expect(indicator(score, '4.2').points).toBe(3.78)
    expect(score.formula_set.name).toBe('thử ngưỡng 90%')
  })
})

describe('a unit with no feedback (5.2 and 5.3 with nothing to measure)', () => {
  const inputs: UnitInputs = {
    '5.2': { numerator: 0, denominator: 0 },
    '5.3': { numerator: 0, denominator: 0 },
    '5.4': { numerator: 81, denominator: 100 }, // 6 × 0,81 / 0,9 = 5,40
  }

  it('by default gets full points for both', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, inputs)
    expect(indicator(score, '5.2')).toMatchObject({ status: 'empty_full_points', points: 6, ratio: null, explanation: 'không phát sinh → đủ 6 điểm' })
    expect(group(score, '5')).toMatchObject({ scorable_points: 18, points: 17.4 })
  })

  it('with `spread`, their 12 points go to 5.4, whose scale becomes 18', () => {
    const score = scoreUnit(withFeedbackRule('spread'), inputs)
    expect(indicator(score, '5.2')).toMatchObject({ status: 'empty_spread', points: null })
    // 5,40 × 18/6 = 16,20
    expect(indicator(score, '5.4')).toMatchObject({ points: 16.2, effective_max_points: 18 })
    expect(indicator(score, '5.4').explanation).toBe('81/100 = 81% < 90% → 6 × 81% / 90% = 5,4 điểm; nhận điểm của 5.2, 5.3 (không phát sinh): × 18/6 = 16,2 điểm')
    expect(group(score, '5')).toMatchObject({ scorable_points: 18, points: 16.2 })
  })

  it('with `exclude`, they are not scored and the group is out of 6', () => {
    const score = scoreUnit(withFeedbackRule('exclude'), inputs)
    expect(indicator(score, '5.3')).toMatchObject({ status: 'empty_excluded', points: null })
    expect(group(score, '5')).toMatchObject({ scorable_points: 6, points: 5.4 })
  })

  it('with `spread` and nothing else scored in the group, they are excluded', () => {
    const score = scoreUnit(withFeedbackRule('spread'), { '5.2': { numerator: 0, denominator: 0 }, '5.3': { numerator: 0, denominator: 0 } })
    expect(indicator(score, '5.2').status).toBe('empty_excluded')
    expect(group(score, '5')).toMatchObject({ scorable_points: 0, points: 0 })
  })
})

describe('a whole unit, checked by hand', () => {
  /*
   * A commune with the figures motcua has; everything else "chưa có dữ liệu".
   *   2.1  450/500 → 20 × 0,90          = 18,00
   *   3.x  300/400 → 12 × 0,75          =  9,00
   *   3.6   60/200 →  6 × 0,30          =  1,80
   *   4.2  170/200 = 85 % ≥ 80 %        =  4,00
   *   4.ct  15/23  →  2 × 15/23 = 1,304 =  1,30
   *   5.4  470/500 = 94 % ≥ 90 %        =  6,00
   *                                 total 40,10
   * Could be scored: 20 + 12 + 6 + 4 + 2 + 6 = 50, so 40,10 / 50 × 100 = 80,20 → "tốt".
   */
  const inputs: UnitInputs = {
    '2.1': { numerator: 450, denominator: 500 },
    '3.x': { numerator: 300, denominator: 400 },
    '3.6': { numerator: 60, denominator: 200 },
    '4.2': { numerator: 170, denominator: 200 },
    '4.ct': { numerator: 15, denominator: 23 },
    '5.4': { numerator: 470, denominator: 500 },
  }

  it('adds up to 40,10 of 50 points that could be scored: 80,20 of 100, "tốt"', () => {
    const score = scoreUnit(DEFAULT_FORMULA_SET, inputs)
    expect(score.groups.map((g) => [g.id, g.points, g.scorable_points])).toEqual([
      ['1', 0, 0],
      ['2', 18, 20],
      ['3', 9, 12],
      ['3tt', 1.8, 6],
      ['4', 5.3, 6],
      ['5', 6, 6],
    ])
    expect(score.total).toEqual({
      points: 40.1,
      scorable_points: 50,
      max_points: 100,
      score_100: 80.2,
      band: 'tốt',
      complete: false,
      missing: ['1.1', '1.2', '1.3', '1.4', '3.5', '4.1', '4.3', '4.4', '4.5a', '4.5b', '5.2', '5.3'],
    })
  })

  it('refuses a numerator above its denominator', () => {
    expect(() => scoreUnit(DEFAULT_FORMULA_SET, { '2.1': { numerator: 5, denominator: 4 } })).toThrow(RangeError)
  })
})
