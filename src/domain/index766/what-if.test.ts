import { describe, expect, it } from 'vitest'
import { DEFAULT_FORMULA_SET } from './default-formula-set.js'
import { stepForPoints, whatIf } from './what-if.js'

describe('whatIf', () => {
  it('says how many more dossiers paid online gain 2 points, and where the most points are', () => {
    const options = whatIf(DEFAULT_FORMULA_SET, {
      '3.6': { numerator: 60, denominator: 200 }, // 6 × 0,30 = 1,80; 4,20 left
      '4.2': { numerator: 150, denominator: 200 }, // 4 × 0,75 / 0,8 = 3,75; full at 160
      '2.1': { numerator: 200, denominator: 200 }, // nothing left to gain
    })
    expect(options.map((o) => o.id)).toEqual(['3.6', '4.2'])
    const payment = options[0]!
    // 6 × (60 + k)/200 ≥ 1,80 + 1 → k ≥ 33,33… → 34 (6 × 94/200 = 2,82)
    expect(payment.first_point).toMatchObject({ extra_numerator: 34, points_gained: 1.02 })
    expect(payment.to_full).toEqual({
      extra_numerator: 140,
      points_gained: 4.2,
      sentence: '3.6: thêm 4,2 điểm nếu thêm 140 hồ sơ thanh toán trực tuyến (200/200)',
    })
    // 4.2 is full at 80 %: 160 of 200, 10 more
    expect(options[1]!.to_full).toMatchObject({ extra_numerator: 10, points_gained: 0.25 })
    expect(options[1]!.first_point).toBeNull()
  })

  it('thêm 2 điểm nếu thêm 40 hồ sơ: a linear 6-point indicator over 120 dossiers', () => {
    const inputs = { '3.6': { numerator: 0, denominator: 120 } }
    // 6 × 40/120 = 2 points exactly; 6 × 20/120 = 1
    expect(stepForPoints(DEFAULT_FORMULA_SET, inputs, '3.6', 2)).toEqual({
      extra_numerator: 40,
      points_gained: 2,
      sentence: 'thêm 2 điểm nếu thêm 40 hồ sơ thanh toán trực tuyến',
    })
    expect(whatIf(DEFAULT_FORMULA_SET, inputs)[0]!.first_point!.extra_numerator).toBe(20)
    // 6 points is all 3.6 has; 7 it cannot give
    expect(stepForPoints(DEFAULT_FORMULA_SET, inputs, '3.6', 7)).toBeNull()
    expect(stepForPoints(DEFAULT_FORMULA_SET, inputs, '1.1', 1)).toBeNull()
  })
})
