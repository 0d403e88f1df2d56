import { DEFAULT_FORMULA_SET_INPUT } from './default-formula-set.js'
import { parseFormulaSet, type FormulaGroup, type FormulaSet, type FormulaSetInput } from './formula-set.js'

/*
 * The set in force from Decision 766/QĐ-TTg itself (signed and effective 23/6/2022; the national
 * system scoring it ran officially from 01/8/2022) until the portal's 2025 formula sheet.
 *
 * What is confirmed from the decision and its official summaries: five groups out of 100 —
 * Công khai, minh bạch 18; Tiến độ, kết quả giải quyết 20; Số hóa hồ sơ 22; Cung cấp dịch vụ
 * trực tuyến 22 (online services and online payment together, one group, as seed 002 lists
 * "(4) cung cấp dịch vụ trực tuyến"); Mức độ hài lòng 18 — with 4 points for procedures updated
 * and made public on time (1.2), up to 20 for dossiers handled on time (2.1) and 6 for
 * satisfaction with dossier handling (5.4).
 *
 * ASSUMPTIONS (the decision's appendix was not at hand): the other indicators and their
 * weights within each group are taken to be those of the 2025–2026 table (INDICATORS.md),
 * since the portal kept the decision's groups and maxima; 3.x (12) and 3.6/3.5 (10) are one
 * group of 22. Correct them here (an edit of data) when the appendix is checked.
 */
function mergedOnlineGroup(groups: readonly FormulaGroup[]): FormulaGroup[] {
  const online = groups.filter((g) => g.id === '3' || g.id === '3tt')
  const merged: FormulaGroup = {
    id: '3',
    label: 'Cung cấp dịch vụ trực tuyến',
    max_points: online.reduce((sum, g) => sum + g.max_points, 0),
    indicators: online.flatMap((g) => g.indicators),
  }
  return groups.flatMap((g) => (g.id === '3' ? [merged] : g.id === '3tt' ? [] : [g]))
}

const base = parseFormulaSet(DEFAULT_FORMULA_SET_INPUT)

export const FORMULA_SET_2022_2024_INPUT: FormulaSetInput = {
  ...DEFAULT_FORMULA_SET_INPUT,
  name: 'Quyết định 766/QĐ-TTg 2022–2024 (tái dựng)',
  valid_from: '2022-06-23',
  valid_to: '2024-12-31',
  source:
    'Quyết định 766/QĐ-TTg ngày 23/6/2022: 5 nhóm (18, 20, 22, 22, 18 điểm), chỉ số 1.2 (4), 2.1 (20), 5.4 (6) đã đối chiếu; ' +
    'các chỉ số và trọng số khác trong nhóm là giả định (lấy theo bảng 2025–2026), chưa đối chiếu phụ lục của Quyết định',
  groups: mergedOnlineGroup(base.groups),
}

export const FORMULA_SET_2022_2024: FormulaSet = parseFormulaSet(FORMULA_SET_2022_2024_INPUT)
