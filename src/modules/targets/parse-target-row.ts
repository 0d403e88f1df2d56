import type { Target } from '../../domain/indicators/target.js'
import { checkTargetRules } from '../../domain/indicators/target-rules.js'
import type { RowParser } from '../import/row-parser.js'
import type { TargetColumn } from './target-columns.js'
import { parseTargetIndicator, parseTargetMinimum, parseTargetScope, parseTargetUnitKind, parseTargetYear } from './target-values.js'

/** One row of targets.csv; the domain's rules name what is wrong, by column. */
export function parseTargetRow(row: RowParser<TargetColumn>): Target {
  const before = row.issues.length
  const target: Target = {
    indicator: row.mandatory('indicator', parseTargetIndicator, 'online_rate'),
    year: row.mandatory('year', parseTargetYear, 0),
    unitKind: row.optional('unit_kind', parseTargetUnitKind, null),
    unitCode: row.text('unit_code') || null,
    scope: row.optional('scope', parseTargetScope, 'subtree'),
    minimum: row.mandatory('minimum', parseTargetMinimum, 0),
    decidedBy: row.required('decided_by'),
  }
  // Cells that did not parse are already named; the rules then judge only what was read.
  const named = new Set(row.issues.slice(before).map((issue) => issue.column))
  for (const broken of checkTargetRules(target)) {
    if (!named.has(broken.field)) row.fail(broken.field, broken.value, broken.reason)
  }
  return target
}
