import { describe, expect, it } from 'vitest'
import { formatPercent } from '../format/vietnamese-numbers.js'
import { percentage } from './percentage.js'

describe('rates are percentages rounded half-up to two decimals', () => {
  it('290 of 495 dossiers digitized is 58,59%', () => {
    expect(percentage(290, 495)).toBe(58.59)
    expect(formatPercent(percentage(290, 495))).toBe('58,59%')
  })

  it('exact halves round up: 1/8 is 12,5% and 1/16 = 6,25%, 1/3 = 33,33%, 2/3 = 66,67%', () => {
    expect(percentage(1, 8)).toBe(12.5)
    expect(percentage(1, 16)).toBe(6.25)
    expect(percentage(1, 3)).toBe(33.33)
    expect(percentage(2, 3)).toBe(66.67)
    // 0.125% = 1/800 → 0.13 half-up (binary floating point would say 0.12)
    expect(percentage(1, 800)).toBe(0.13)
    expect(percentage(1, 40000)).toBe(0) // 0,0025 % → 0,00
    expect(percentage(1, 20000)).toBe(0.01) // 0,005 % → 0,01
  })

  it('an empty denominator has no value, which is not 0 %', () => {
    expect(percentage(0, 0)).toBeNull()
    expect(formatPercent(null)).toBe('không phát sinh')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(100)).toBe('100%')
  })
})
