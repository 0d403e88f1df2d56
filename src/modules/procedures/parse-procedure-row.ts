import type { ProcedurePublication } from '../../domain/procedures/publication.js'
import { DECIDING_LEVELS, ONLINE_LEVELS, type DecidingLevel, type OnlineLevel, type ProcedureInput } from '../../domain/procedures/procedure-input.js'
import { LEVEL_ALIASES, ONLINE_LEVEL_ALIASES } from '../import/aliases.js'
import type { RowParser } from '../import/row-parser.js'
import { parseEnum, parseKnownBoolean, parseLocalDate, parseMoney, parseNonNegativeDecimal, type Parsed } from '../import/value-parsers.js'
import { PUBLICATION_COLUMNS, type ProcedureColumn } from './procedure-columns.js'

const MAX_PROCESSING_DAYS = 365

function parseCutoff(raw: string): Parsed<string> {
  const match = /^(\d{1,2})[:h](\d{2})$/.exec(raw.trim())
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { ok: false, reason: 'giờ phải có dạng HH:mm, ví dụ 15:00' }
  return { ok: true, value: `${match[1]!.padStart(2, '0')}:${match[2]}` }
}

/** The publication columns; null when the file has none of them (what is stored then stays). */
function parsePublication(row: RowParser<ProcedureColumn>, hasPublicationColumns: boolean): Omit<ProcedurePublication, 'paymentIntegrated'> | null {
  if (!hasPublicationColumns) return null
  const decisionNumber = row.text('decision_number') || null
  if (decisionNumber !== null && (decisionNumber.length > 100 || /[\u0000-\u001f]/.test(decisionNumber))) row.fail('decision_number', decisionNumber, 'số quyết định tối đa 100 ký tự, không chứa ký tự điều khiển')
  const publication: Omit<ProcedurePublication, 'paymentIntegrated'> = {
    decisionNumber,
    decidedOn: row.optional<string | null>('decided_on', parseLocalDate, null),
    legalBasisEffectiveOn: row.optional<string | null>('legal_basis_effective_on', parseLocalDate, null),
    madePublicOn: row.optional<string | null>('made_public_on', parseLocalDate, null),
    nationalDbUpdatedOn: row.optional<string | null>('national_db_updated_on', parseLocalDate, null),
    allPartsPublished: row.optional('all_parts_published', parseKnownBoolean, null),
    usesPopulationData: row.optional('uses_population_data', parseKnownBoolean, null),
  }
  if (publication.decidedOn && publication.nationalDbUpdatedOn && publication.nationalDbUpdatedOn < publication.decidedOn) {
    row.fail('national_db_updated_on', publication.nationalDbUpdatedOn, 'ngày cập nhật CSDL quốc gia trước ngày quyết định công bố')
  }
  if (publication.decidedOn && publication.madePublicOn && publication.madePublicOn < publication.decidedOn) {
    row.fail('made_public_on', publication.madePublicOn, 'ngày công khai trước ngày quyết định công bố')
  }
  return publication
}

/**
 * A row parser for a header: the publication columns are read only when the file has one of
 * them, payment_integrated (tích hợp thanh toán trực tuyến, 3.5) only when it has that column —
 * so an older file, with or without the publication columns, leaves the stored integration alone.
 */
export function procedureRowParser(header: ReadonlySet<ProcedureColumn>): (row: RowParser<ProcedureColumn>) => ProcedureInput {
  const hasPublication = PUBLICATION_COLUMNS.some((column) => header.has(column))
  const hasPaymentIntegrated = header.has('payment_integrated')
  return (row) => {
    const input = parseProcedureRow(row)
    const publication: Partial<ProcedurePublication> = { ...parsePublication(row, hasPublication) }
    if (hasPaymentIntegrated) publication.paymentIntegrated = row.optional('payment_integrated', parseKnownBoolean, null)
    return hasPublication || hasPaymentIntegrated ? { ...input, publication } : input
  }
}

export function parseProcedureRow(row: RowParser<ProcedureColumn>): ProcedureInput {
  const code = row.code('code', 'required')
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
