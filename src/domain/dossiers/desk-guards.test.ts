import { describe, expect, it } from 'vitest'
import { judgeProcedureLevel } from '../procedures/procedure-level-guard.js'
import { filesLocked, unpaidFeeWarning } from './desk-guards.js'

describe('the desk’s guards', () => {
  it('returning a dossier with a fee not paid warns with the amount; paid or free, nothing to say', () => {
    expect(unpaidFeeWarning({ feeVnd: 50_000, paidAt: null })).toBe('Hồ sơ chưa ghi nhận nộp phí, lệ phí (50.000 đồng). Xác nhận vẫn trả kết quả?')
    expect(unpaidFeeWarning({ feeVnd: 50_000, paidAt: new Date('2022-09-15T02:00:00Z') })).toBeNull()
    expect(unpaidFeeWarning({ feeVnd: 0, paidAt: null })).toBeNull()
  })

  it('scans and results are locked once the result is returned, not before, and not for a dossier that ended without one', () => {
    expect(filesLocked('returned')).toBe(true)
    for (const status of ['received', 'processing', 'supplement', 'paused', 'finished', 'rejected', 'withdrawn']) expect(filesLocked(status)).toBe(false)
  })

  it('a commune desk is warned for a district procedure, refused for a province one; a district is warned for a province one', () => {
    expect(judgeProcedureLevel('commune', 'commune')).toEqual({ kind: 'ok' })
    expect(judgeProcedureLevel('district', 'commune')).toMatchObject({ kind: 'warn', message: expect.stringContaining('thẩm quyền giải quyết cấp huyện, đơn vị tiếp nhận là cấp xã') })
    expect(judgeProcedureLevel('province', 'commune')).toMatchObject({ kind: 'refuse', message: expect.stringContaining('không tiếp nhận') })
    expect(judgeProcedureLevel('province', 'district')).toMatchObject({ kind: 'warn' })
    expect(judgeProcedureLevel('commune', 'district')).toEqual({ kind: 'ok' })
    expect(judgeProcedureLevel('commune', 'province')).toEqual({ kind: 'ok' })
    expect(judgeProcedureLevel('province', 'office')).toEqual({ kind: 'ok' })
  })
})
