import { describe, expect, it } from 'vitest'
import { isValidOn, receptionRefusal, successorCycle } from './unit-validity.js'

const anThanh = { code: 'H23.07.01', name: 'Xã An Thanh', validFrom: null, validTo: '2025-06-30', successor: { code: 'HP.TK1', name: 'Xã Tân Kỳ' } }

describe('a unit’s validity', () => {
  it('includes its first and last day', () => {
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-07-01')).toBe(true)
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-06-30')).toBe(false)
    expect(isValidOn(anThanh, '2025-06-30')).toBe(true)
    expect(isValidOn(anThanh, '2025-07-01')).toBe(false)
  })

  it('refuses a dossier after the last day, naming the successor', () => {
    expect(receptionRefusal(anThanh, '2025-06-30')).toBeNull()
    const refusal = receptionRefusal(anThanh, '2025-07-01')
    expect(refusal).toContain('30/6/2025')
    expect(refusal).toContain('HP.TK1 (Xã Tân Kỳ)')
    expect(receptionRefusal({ ...anThanh, successor: null }, '2026-01-05')).toContain('không có đơn vị kế thừa')
  })

  it('refuses a dossier before a new unit exists', () => {
    expect(receptionRefusal({ code: 'N', name: 'Xã Mới', validFrom: '2025-07-01', validTo: null, successor: null }, '2025-06-30')).toContain('1/7/2025')
  })

  it('finds a unit that succeeds itself through others', () => {
    expect(successorCycle(new Map([['A', 'B'], ['B', 'C'], ['C', null]]))).toBeNull()
    expect(successorCycle(new Map([['A', 'B'], ['B', 'A']]))).not.toBeNull()
  })
})
