import { describe, expect, it } from 'vitest'
import { checkTarget } from './target.js'

const digitization2022 = { minimum: 25, decidedBy: 'Chỉ tiêu UBND tỉnh giao năm 2022' }

describe('holding a unit to its target', () => {
  it('Văn Tố with 1 of 60 dossiers digitized needs 14 more to reach 25 %', () => {
    expect(checkTarget({ numerator: 1, denominator: 60, value: 1.67 }, digitization2022)).toEqual({
      minimum: 25, decided_by: 'Chỉ tiêu UBND tỉnh giao năm 2022', status: 'misses', gap: 14,
    })
  })

  it('exactly at the minimum meets it; no dossiers neither meets nor misses', () => {
    expect(checkTarget({ numerator: 15, denominator: 60, value: 25 }, digitization2022).status).toBe('meets')
    expect(checkTarget({ numerator: 0, denominator: 0, value: null }, digitization2022)).toMatchObject({ status: 'no_value', gap: null })
  })

  it('the gap counts rounding: 3 of 7 is 42,86 %, and 1 more makes 57,14 % ≥ 50 %', () => {
    expect(checkTarget({ numerator: 3, denominator: 7, value: 42.86 }, { minimum: 50, decidedBy: 'x' }).gap).toBe(1)
  })
})
