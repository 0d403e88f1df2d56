import { describe, expect, it } from 'vitest'
import { decidingLevelRefusal } from './procedure-level-guard.js'

describe('who may decide a procedure named at receipt', () => {
  it('a commune decides commune procedures (another commune too, under Decree 118/2025), not district or province ones', () => {
    expect(decidingLevelRefusal('commune', 'commune', 'Xã Quang Trung')).toBeNull()
    expect(decidingLevelRefusal('district', 'commune', 'Xã Quang Trung')).toBe('Xã Quang Trung là đơn vị cấp xã, không có thẩm quyền giải quyết thủ tục cấp huyện')
    expect(decidingLevelRefusal('province', 'commune', 'Xã Quang Trung')).toContain('không có thẩm quyền giải quyết thủ tục cấp tỉnh')
  })

  it('a unit above decides the procedures below it, and an office those of its sector at any level', () => {
    expect(decidingLevelRefusal('commune', 'province', 'Thành phố Hải Phòng')).toBeNull()
    expect(decidingLevelRefusal('district', 'district', 'Huyện Tứ Kỳ')).toBeNull()
    expect(decidingLevelRefusal('province', 'district', 'Huyện Tứ Kỳ')).toContain('cấp huyện')
    expect(decidingLevelRefusal('province', 'office', 'Sở Tư pháp')).toBeNull()
  })
})
