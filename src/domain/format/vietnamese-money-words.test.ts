import { describe, expect, it } from 'vitest'
import { moneyInWords } from './vietnamese-money-words.js'

describe('an amount in words, as the fee receipt writes it', () => {
  it.each([
    [0, 'Không đồng'],
    [2_000, 'Hai nghìn đồng'],
    [5_000, 'Năm nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [100_000, 'Một trăm nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_500_000, 'Một triệu năm trăm nghìn đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [35_250, 'Ba mươi lăm nghìn hai trăm năm mươi đồng'],
  ])('%d đồng → %s', (vnd, words) => {
    expect(moneyInWords(vnd)).toBe(words)
  })

  it('refuses what is not a whole, non-negative amount', () => {
    expect(() => moneyInWords(-1)).toThrow(RangeError)
    expect(() => moneyInWords(1.5)).toThrow(RangeError)
  })
})
