import type { ReorganisationRow } from '../../../domain/units/reorganisation.js'
import { UNIT_KINDS, type UnitKind } from '../../../domain/units/unit-kind.js'
import { UNIT_KIND_ALIASES } from '../../import/aliases.js'
import type { RowParser } from '../../import/row-parser.js'
import { parseEnum } from '../../import/value-parsers.js'
import { parseLocalDate } from '../parse-unit-row.js'
import type { ReorganisationColumn } from './reorganisation-columns.js'

/** One row: the old unit, the new one (empty: ended with no successor), the date, the new unit's fields. */
export function parseReorganisationRow(row: RowParser<ReorganisationColumn>): ReorganisationRow {
  const oldCode = row.code('old_code', 'required')
  const newCode = row.code('new_code', 'optional') || null
  const date = row.mandatory('date', parseLocalDate, '')
  const newName = row.text('new_name').trim() || null
  const newKind = row.optional<UnitKind | null>('new_kind', (raw) => parseEnum(raw, UNIT_KIND_ALIASES, UNIT_KINDS.join(', ')), null)
  const newParentCode = row.code('new_parent_code', 'optional') || null
  const newAreas = areasOf(row.text('new_areas'))
  return { line: row.line, oldCode, newCode, date, newName, newKind, newParentCode, ...(newAreas.length > 0 ? { newAreas } : {}) }
}

/** "Thôn Đông; Xã An Thanh" → the areas, each trimmed, none empty. */
export function areasOf(cell: string): string[] {
  return cell.split(';').map((area) => area.trim()).filter((area) => area !== '')
}
