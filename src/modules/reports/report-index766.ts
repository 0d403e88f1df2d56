import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import { formulaSetAppliesOn } from '../../domain/index766/formula-set.js'
import { scoreUnit } from '../../domain/index766/score-unit.js'
import { whatIf } from '../../domain/index766/what-if.js'
import type { Index766Facts } from '../../domain/reports/index766-section.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { indexInputs } from '../index766/compute-index.js'

/**
 * The Decision 766 index of a unit over the report's own dates — the same inputs and formula
 * set as `computeIndex`, so a report for a whole month says what `index --period 2025-08`
 * says — with the what-if options, best first.
 */
export async function reportIndex766(db: Kysely<Database>, unitId: number, period: { from: LocalDate; to: LocalDate }): Promise<Index766Facts> {
  const set = DEFAULT_FORMULA_SET
  const inputs = await indexInputs(db, unitId, period.from, period.to)
  const nouns = new Map(set.groups.flatMap((group) => group.indicators).map((indicator) => [indicator.id, indicator.numerator_noun ?? 'hồ sơ']))
  return {
    score: scoreUnit(set, inputs),
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
