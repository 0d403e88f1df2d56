import { describe, expect, it } from 'vitest'
import { chooseFormulaSet, FORMULA_SETS } from './choose-formula-set.js'
import { FORMULA_SET_2022_2024 } from './formula-set-2022-2024.js'
import { DEFAULT_FORMULA_SET } from './default-formula-set.js'

describe('which Decision 766 formula set scores a period', () => {
  it('September 2022 and October 2023 are scored with the original decision’s set; August 2025 with the portal’s 2025–2026 set', () => {
    expect(chooseFormulaSet({ from: '2022-09-01', to: '2022-09-30' }).set).toBe(FORMULA_SET_2022_2024)
    expect(chooseFormulaSet({ from: '2023-10-01', to: '2023-10-31' }).set).toBe(FORMULA_SET_2022_2024)
    expect(chooseFormulaSet({ from: '2025-08-01', to: '2025-08-31' }).set).toBe(DEFAULT_FORMULA_SET)
  })

  it('the original set has the decision’s five groups: 18, 20, 22 (online services with payment), 22, 18 = 100', () => {
    expect(FORMULA_SET_2022_2024.groups.map((g) => [g.label, g.max_points])).toEqual([
      ['Công khai, minh bạch', 18], ['Tiến độ, kết quả giải quyết', 20], ['Cung cấp dịch vụ trực tuyến', 22], ['Số hóa hồ sơ', 22], ['Mức độ hài lòng', 18],
    ])
    expect(FORMULA_SET_2022_2024.source).toContain('giả định')
  })

  it('a period before 23/6/2022, or one straddling two sets, is not scored, and says why', () => {
    const before = chooseFormulaSet({ from: '2022-05-01', to: '2022-05-31' })
    expect(before.set).toBeNull()
    expect(before.reason).toContain('23/6/2022')
    const straddling = chooseFormulaSet({ from: '2024-12-15', to: '2025-01-14' })
    expect(straddling.set).toBeNull()
    expect(straddling.reason).toContain('hai bộ công thức')
  })

  it('the sets’ validities do not overlap', () => {
    const sorted = [...FORMULA_SETS].sort((a, b) => a.valid_from.localeCompare(b.valid_from))
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.valid_to! < sorted[i]!.valid_from).toBe(true)
  })
})
