import { describe, expect, it } from 'vitest'
import { buildDemoUnits } from './demo-units.js'

const units = buildDemoUnits()
const byCode = new Map(units.map((unit) => [unit.code, unit]))

/** The communes the seed letters name, as they spell them. */
const COMMUNES_IN_THE_LETTERS = [
  'Xã An Thanh', 'Xã Quang Trung', 'Xã Quang Khải', 'Xã Dân Chủ', 'Xã Phượng Kỳ', 'Xã Quảng Nghiệp',
  'Xã Nguyên Giáp', 'Xã Đại Hợp', 'Xã Hà Thanh', 'Xã Tân Kỳ', 'Xã Văn Tố', 'Xã Tiên Động', 'Xã Hưng Đạo',
  'Xã Ngọc Kỳ', 'Xã Hà Kỳ', 'Xã Minh Đức', 'Xã Quang Phục', 'Xã Chí Minh', 'Xã Tái Sơn', 'Xã Cộng Lạc',
  'Xã Đại Sơn',
]

describe('the demo province: Hải Dương with Tứ Kỳ in full', () => {
  it('Tỉnh Hải Dương is the root, H23', () => {
    expect(units[0]).toEqual({ code: 'H23', name: 'Tỉnh Hải Dương', kind: 'province', parentCode: null })
    expect(units.filter((unit) => unit.parentCode === null)).toHaveLength(1)
  })

  it('the province has its 12 district-level units, Tứ Kỳ being H23.07', () => {
    const districts = units.filter((unit) => unit.kind === 'district')
    expect(districts.map((d) => d.code)).toEqual(Array.from({ length: 12 }, (_, i) => `H23.${String(i + 1).padStart(2, '0')}`))
    expect(districts.every((d) => d.parentCode === 'H23')).toBe(true)
    expect(byCode.get('H23.07')?.name).toBe('Huyện Tứ Kỳ')
    expect(districts.map((d) => d.name).sort()).toEqual(
      [
        'Thành phố Hải Dương', 'Thành phố Chí Linh', 'Thị xã Kinh Môn', 'Huyện Bình Giang', 'Huyện Cẩm Giàng',
        'Huyện Gia Lộc', 'Huyện Kim Thành', 'Huyện Nam Sách', 'Huyện Ninh Giang', 'Huyện Thanh Hà',
        'Huyện Thanh Miện', 'Huyện Tứ Kỳ',
      ].sort(),
    )
  })

  it("Tứ Kỳ has its 23 commune-level units, H23.07.01 being Xã An Thanh", () => {
    const communes = units.filter((unit) => unit.kind === 'commune' && unit.parentCode === 'H23.07')
    expect(communes).toHaveLength(23)
    expect(byCode.get('H23.07.01')).toEqual({ code: 'H23.07.01', name: 'Xã An Thanh', kind: 'commune', parentCode: 'H23.07' })
    expect(communes.map((c) => c.code)).toEqual(Array.from({ length: 23 }, (_, i) => `H23.07.${String(i + 1).padStart(2, '0')}`))
    const names = communes.map((c) => c.name)
    for (const name of COMMUNES_IN_THE_LETTERS) expect(names).toContain(name)
    expect(names).toContain('Thị trấn Tứ Kỳ')
    expect(names).toContain('Xã Bình Lăng')
  })

  it("Tứ Kỳ's offices are units of kind office under the district", () => {
    const offices = units.filter((unit) => unit.kind === 'office')
    expect(offices.length).toBeGreaterThanOrEqual(4)
    expect(offices.every((office) => office.parentCode === 'H23.07')).toBe(true)
    expect(byCode.get('H23.07.VP')?.name).toContain('Văn phòng HĐND và UBND huyện')
    const names = offices.map((office) => office.name).join('; ')
    for (const office of ['Phòng Tư pháp', 'Phòng Văn hóa và Thông tin', 'Phòng Nội vụ']) expect(names).toContain(office)
  })

  it('every other district has a few communes, so all 12 can be ranked', () => {
    for (const district of units.filter((unit) => unit.kind === 'district' && unit.code !== 'H23.07')) {
      const communes = units.filter((unit) => unit.kind === 'commune' && unit.parentCode === district.code)
      expect(communes.length).toBeGreaterThanOrEqual(2)
      expect(communes.length).toBeLessThanOrEqual(4)
    }
  })

  it('codes are unique and every parent comes before its children', () => {
    expect(byCode.size).toBe(units.length)
    const seen = new Set<string>()
    for (const unit of units) {
      if (unit.parentCode !== null) expect(seen.has(unit.parentCode)).toBe(true)
      seen.add(unit.code)
    }
  })
})
