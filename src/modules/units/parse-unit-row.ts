import type { UnitInput } from '../../domain/units/unit-input.js'
import { UNIT_KINDS, type UnitKind } from '../../domain/units/unit-kind.js'
import { UNIT_KIND_ALIASES } from '../import/aliases.js'
import type { RowParser } from '../import/row-parser.js'
import { parseEnum, parseTime, type Parsed } from '../import/value-parsers.js'
import type { UnitColumn } from './unit-columns.js'

const CODE_PATTERN = /^[\p{L}\p{N}._-]{1,64}$/u

export function parseLocalDate(raw: string): Parsed<string> {
  const parsed = parseTime(raw)
  if (!parsed.ok) return parsed
  // A bare date is midnight in Vietnam; keep the Vietnam calendar date.
  return { ok: true, value: new Date(parsed.value.getTime() + 7 * 3600_000).toISOString().slice(0, 10) }
}

export function parseUnitRow(row: RowParser<UnitColumn>): UnitInput {
  const code = row.code('code', 'required')
  if (code && row.issues.length === 0 && !CODE_PATTERN.test(code)) row.fail('code', code, 'mã chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự)')
  const name = row.required('name')
  const kind = row.mandatory<UnitKind>('kind', (raw) => parseEnum(raw, UNIT_KIND_ALIASES, UNIT_KINDS.join(', ')), 'commune')
  const parentCode = row.code('parent_code', 'optional') || null
  if (parentCode !== null && parentCode === code) row.fail('parent_code', parentCode, 'đơn vị không thể là cấp trên của chính nó')
  const validFrom = row.optional('valid_from', parseLocalDate, null)
  const validTo = row.optional('valid_to', parseLocalDate, null)
  if (validFrom && validTo && validTo < validFrom) row.fail('valid_to', validTo, 'ngày hết hiệu lực trước ngày có hiệu lực')
  const successorCode = row.code('successor_code', 'optional') || null
  if (successorCode !== null && successorCode === code) row.fail('successor_code', successorCode, 'đơn vị không thể kế thừa chính nó')
  return { code, name, kind, parentCode, validFrom, validTo, successorCode }
}
