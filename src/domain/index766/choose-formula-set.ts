import { letterDate } from '../reports/letter-dates.js'
import type { LocalDate } from '../time/local-date.js'
import { DEFAULT_FORMULA_SET } from './default-formula-set.js'
import { FORMULA_SET_2022_2024 } from './formula-set-2022-2024.js'
import { formulaSetAppliesOn, type FormulaSet } from './formula-set.js'

/** Every set motcua knows, oldest first. */
export const FORMULA_SETS: readonly FormulaSet[] = [FORMULA_SET_2022_2024, DEFAULT_FORMULA_SET]

export type FormulaSetChoice = { set: FormulaSet; reason: null } | { set: null; reason: string }

const validity = (set: FormulaSet) => `${letterDate(set.valid_from)}${set.valid_to ? `–${letterDate(set.valid_to)}` : ''}`

/**
 * The set a period is scored with: one whose validity covers the whole period. None when the
 * period starts before Decision 766 was in force, runs past every set, or straddles two sets
 * (scoring half of it with the wrong weights would be a wrong score): then why, in Vietnamese.
 */
export function chooseFormulaSet(period: { from: LocalDate; to: LocalDate }, sets: readonly FormulaSet[] = FORMULA_SETS): FormulaSetChoice {
  const covering = sets.find((set) => formulaSetAppliesOn(set, period.from) && formulaSetAppliesOn(set, period.to))
  if (covering) return { set: covering, reason: null }
  const first = [...sets].sort((a, b) => a.valid_from.localeCompare(b.valid_from))[0]
  const atFrom = sets.find((set) => formulaSetAppliesOn(set, period.from))
  const atTo = sets.find((set) => formulaSetAppliesOn(set, period.to))
  if (first && period.from < first.valid_from && !atFrom) {
    return { set: null, reason: `kỳ báo cáo bắt đầu trước ngày Bộ chỉ số có hiệu lực (${letterDate(first.valid_from)}): không có bộ công thức để chấm điểm` }
  }
  if (atFrom && atTo) {
    return { set: null, reason: `kỳ báo cáo thuộc hai bộ công thức (${atFrom.name}, hiệu lực ${validity(atFrom)}; ${atTo.name}, hiệu lực ${validity(atTo)}): hãy lập báo cáo cho từng phần của kỳ` }
  }
  return { set: null, reason: 'chưa có bộ công thức có hiệu lực cho kỳ báo cáo' }
}
