import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import type { FormulaSet, ScoringRuleKind } from '../../domain/index766/formula-set.js'
import { FORMULA_SET_2022_2024 } from '../../domain/index766/formula-set-2022-2024.js'

/** A formula set (bộ công thức) as the console lists it: groups and indicators with their max points. */
export interface FormulaSetSummary {
  id: string
  name: string
  valid_from: string
  valid_to: string | null
  source: string | null
  is_default: boolean
  max_points: number
  groups: { id: string; label: string; max_points: number; indicators: { id: string; label: string; max_points: number; rule: ScoringRuleKind }[] }[]
  bands: { min_score: number; label: string }[]
}

/** The sets motcua knows, by a stable id: Decision 766 as first in force (2022–2024), the portal's 2025–2026 table. */
const KNOWN_SETS: readonly { id: string; set: FormulaSet }[] = [
  { id: 'cong-dvc-2025-2026', set: DEFAULT_FORMULA_SET },
  { id: 'qd-766-2022-2024', set: FORMULA_SET_2022_2024 },
]

function summarize(id: string, set: FormulaSet): FormulaSetSummary {
  return {
    id,
    name: set.name,
    valid_from: set.valid_from,
    valid_to: set.valid_to,
    source: set.source ?? null,
    is_default: set === DEFAULT_FORMULA_SET,
    max_points: Math.round(set.groups.reduce((sum, group) => sum + group.max_points, 0) * 100) / 100,
    groups: set.groups.map((group) => ({
      id: group.id,
      label: group.label,
      max_points: group.max_points,
      indicators: group.indicators.map((indicator) => ({ id: indicator.id, label: indicator.label, max_points: indicator.max_points, rule: indicator.rule.kind })),
    })),
    bands: [...set.bands].sort((a, b) => b.min_score - a.min_score).map((band) => ({ min_score: band.min_score, label: band.label })),
  }
}

export function listFormulaSets(): FormulaSetSummary[] {
  return KNOWN_SETS.map(({ id, set }) => summarize(id, set))
}
