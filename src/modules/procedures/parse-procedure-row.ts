import { DECIDING_LEVELS, ONLINE_LEVELS, type DecidingLevel, type OnlineLevel, type ProcedureInput } from '../../domain/procedures/procedure-input.js'
import { LEVEL_ALIASES, ONLINE_LEVEL_ALIASES } from '../import/aliases.js'
import type { RowParser } from '../import/row-parser.js'
import { parseEnum, parseMoney, parseNonNegativeDecimal, type Parsed } from '../import/value-parsers.js'
import type { ProcedureColumn } from './procedure-columns.js'

const MAX_PROCESSING_DAYS = 365

function parseCutoff(raw: string): Parsed<string> {
  const match = /^(\d{1,2})[:h](\d{2})$/.exec(raw.trim())
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { ok: false, reason: 'giờ phải có dạng HH:mm, ví dụ 15:00' }
  return { ok: true, value: `${match[1]!.padStart(2, '0')}:${match[2]}` }
}

export function parseProcedureRow(row: RowParser<ProcedureColumn>): ProcedureInput {
  const code = row.required('code')
  const name = row.required('name')
  const field = row.text('field') || null
  const level = row.mandatory<DecidingLevel>('level', (raw) => parseEnum(raw, LEVEL_ALIASES, DECIDING_LEVELS.join(', ')), 'commune')
  const onlineLevel = row.mandatory<OnlineLevel>('online_level', (raw) => parseEnum(raw, ONLINE_LEVEL_ALIASES, ONLINE_LEVELS.join(', ')), 'none')
  const processingDays = row.mandatory('processing_days', parseNonNegativeDecimal, 0)
  if (processingDays > MAX_PROCESSING_DAYS) row.fail('processing_days', String(processingDays), `thời hạn quá dài (tối đa ${MAX_PROCESSING_DAYS} ngày làm việc)`)
  const feeVnd = row.optional('fee_vnd', parseMoney, 0)
  const cutoffTime = row.optional<string | null>('cutoff_time', parseCutoff, null)
  return { code, name, field, level, onlineLevel, processingDays, feeVnd, cutoffTime }
}
