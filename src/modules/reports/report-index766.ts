import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { chooseFormulaSet } from '../../domain/index766/choose-formula-set.js'
import { formulaSetAppliesOn } from '../../domain/index766/formula-set.js'
import { scoreUnit } from '../../domain/index766/score-unit.js'
import { whatIf } from '../../domain/index766/what-if.js'
import type { Index766Facts } from '../../domain/reports/index766-section.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { indexInputs } from '../index766/compute-index.js'

/**
 * The Decision 766 index of a unit over the report's own dates, scored with the formula set in
 * force for the whole period (chooseFormulaSet) — the same inputs as `computeIndex` — with the
 * what-if options, best first; or, when no set covers the period, why it is not scored.
 */
export async function reportIndex766(db: Kysely<Database>, unitId: number, period: { from: LocalDate; to: LocalDate }): Promise<Index766Facts> {
  const choice = chooseFormulaSet(period)
  if (choice.set === null) return { score: null, unscoredReason: choice.reason, formulaSetApplies: false, options: [] }
  const set = choice.set
  const inputs = await indexInputs(db, unitId, period.from, period.to)
  const nouns = new Map(set.groups.flatMap((group) => group.indicators).map((indicator) => [indicator.id, indicator.numerator_noun ?? 'hồ sơ']))
  return {
    score: scoreUnit(set, inputs),
    unscoredReason: null,
    formulaSetApplies: formulaSetAppliesOn(set, period.from) && formulaSetAppliesOn(set, period.to),
    options: whatIf(set, inputs).map((option) => ({
      id: option.id,
      label: option.label,
      noun: nouns.get(option.id) ?? 'hồ sơ',
      numerator: option.numerator,
      denominator: option.denominator,
      extra: option.to_full.extra_numerator,
      points: option.to_full.points_gained,
    })),
  }
}
