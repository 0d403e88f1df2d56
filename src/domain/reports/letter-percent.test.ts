import { describe, expect, it } from 'vitest'
import { letterPercent } from './letter-percent.js'

describe('a unit’s rate in a letter’s list', () => {
  it('is written with one decimal at most and a decimal comma, as seed 000 writes Dân Chủ, Phượng Kỳ, Quảng Nghiệp, Nguyên Giáp and Đại Hợp', () => {
    expect(letterPercent(35, 36)).toBe('97,2%')
    expect(letterPercent(23, 24)).toBe('95,8%')
    expect(letterPercent(31, 33)).toBe('93,9%')
    expect(letterPercent(23, 25)).toBe('92%')
    expect(letterPercent(22, 25)).toBe('88%')
    expect(letterPercent(20, 20)).toBe('100%')
    expect(letterPercent(0, 20)).toBe('0%')
  })

  it('is rounded from the fraction, not from the two-decimal figure: Tiên Động 1/22 is 4,5% (4,545…), though its figure 4,55% would round to 4,6%', () => {
    expect(letterPercent(1, 22)).toBe('4,5%')
    expect(letterPercent(3, 17)).toBe('17,6%')
    expect(letterPercent(1, 30)).toBe('3,3%')
  })

  it('rounds half up: 1/16 = 6,25% is 6,3%', () => {
    expect(letterPercent(1, 16)).toBe('6,3%')
  })

  it('has nothing to say when there is nothing to measure', () => {
    expect(letterPercent(0, 0)).toBeNull()
  })

  it('takes the decimals a list asks for: seed 002 writes two (Dân Chủ 19,44%, Hưng Đạo 12,03%, Tái Sơn 25,5%, Cộng Lạc 24%), none gives whole percents', () => {
    expect(letterPercent(7, 36, 2)).toBe('19,44%')
    expect(letterPercent(16, 133, 2)).toBe('12,03%')
    expect(letterPercent(51, 200, 2)).toBe('25,5%')
    expect(letterPercent(6, 25, 2)).toBe('24%')
    expect(letterPercent(1, 22, 2)).toBe('4,55%')
    expect(letterPercent(35, 36, 0)).toBe('97%')
    expect(letterPercent(1, 8, 0)).toBe('13%')
    expect(letterPercent(1, 800, 3)).toBe('0,125%')
    expect(() => letterPercent(1, 3, 5)).toThrow(RangeError)
  })
})
