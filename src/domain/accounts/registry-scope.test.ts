import { describe, expect, it } from 'vitest'
import { registryScopeRoot } from './registry-scope.js'

const province = { id: 1, kind: 'province' }
const district = { id: 2, kind: 'district' }
const commune = { id: 3, kind: 'commune' }
const justiceOffice = { id: 4, kind: 'office' }

describe('whose officials an account keeps in the registry', () => {
  it('a district office (Phòng Tư pháp, Phòng VHTT, Văn phòng) keeps the whole district', () => {
    expect(registryScopeRoot(justiceOffice, district)).toBe(district.id)
  })
  it('a province department keeps the whole province', () => {
    expect(registryScopeRoot(justiceOffice, province)).toBe(province.id)
  })
  it('a commune, a district and a province keep their own subtree', () => {
    expect(registryScopeRoot(commune, district)).toBe(commune.id)
    expect(registryScopeRoot(district, province)).toBe(district.id)
    expect(registryScopeRoot(province, null)).toBe(province.id)
  })
  it('an office under an office, or without a parent, keeps only itself', () => {
    expect(registryScopeRoot({ id: 5, kind: 'office' }, justiceOffice)).toBe(5)
    expect(registryScopeRoot(justiceOffice, null)).toBe(justiceOffice.id)
  })
})
