import { DOSSIER_FLAG_COLUMNS, FLAG_OF_COLUMN, UNKNOWN_FLAGS, type DossierFlags } from '../../../domain/dossiers/dossier-flags.js'
import type { DossierInput } from '../../../domain/dossiers/dossier-input.js'
import { CHANNELS, DOSSIER_STATUSES, RATINGS, type Channel, type DossierStatus, type Rating } from '../../../domain/dossiers/dossier-status.js'
import { checkDossierRules } from '../../../domain/dossiers/dossier-rules.js'
import { CHANNEL_ALIASES, RATING_ALIASES, STATUS_ALIASES } from '../../import/aliases.js'
import type { RowParser } from '../../import/row-parser.js'
import { parseBoolean, parseEnum, parseMoney, parseNonNegativeInteger, parseTime } from '../../import/value-parsers.js'
import type { DecidingUnitColumn, DossierColumn } from './dossier-columns.js'

const EPOCH = new Date(0)

/** The optional Decision 766 columns: an empty cell (or an absent column) is "not known". */
function parseFlags(row: RowParser<DossierColumn | DecidingUnitColumn>): DossierFlags {
  const flags: DossierFlags = { ...UNKNOWN_FLAGS }
  for (const column of DOSSIER_FLAG_COLUMNS) flags[FLAG_OF_COLUMN[column]] = row.optional<boolean | null>(column, parseBoolean, null)
  return flags
}

/** One row of dossiers.csv to a typed dossier; every bad cell and broken rule is reported. */
export function parseDossierRow(row: RowParser<DossierColumn | DecidingUnitColumn>): DossierInput {
  const code = row.code('code', 'required')
  if (code.length > 100) row.fail('code', code, 'mã hồ sơ tối đa 100 ký tự')
  const input: DossierInput = {
    code,
    unitCode: row.code('unit_code', 'required'),
    procedureCode: row.code('procedure_code', 'required'),
    channel: row.mandatory<Channel>('channel', (raw) => parseEnum(raw, CHANNEL_ALIASES, CHANNELS.join(', ')), 'direct'),
    status: row.mandatory<DossierStatus>('status', (raw) => parseEnum(raw, STATUS_ALIASES, DOSSIER_STATUSES.join(', ')), 'received'),
    receivedAt: row.mandatory('received_at', parseTime, EPOCH),
    dueAt: row.optional<Date | null>('due_at', parseTime, null),
    finishedAt: row.optional<Date | null>('finished_at', parseTime, null),
    returnedAt: row.optional<Date | null>('returned_at', parseTime, null),
    componentsTotal: row.mandatory('components_total', parseNonNegativeInteger, 0),
    componentsDigitized: row.mandatory('components_digitized', parseNonNegativeInteger, 0),
    resultDigitized: row.optional('result_digitized', parseBoolean, false),
    feeVnd: row.optional('fee_vnd', parseMoney, 0),
    paidOnline: row.optional('paid_online', parseBoolean, false),
    ecertCopies: row.optional('ecert_copies', parseNonNegativeInteger, 0),
    rating: row.optional<Rating | null>('rating', (raw) => parseEnum(raw, RATING_ALIASES, RATINGS.join(', ')), null),
    flags: parseFlags(row),
    decidingUnitCode: row.code('deciding_unit_code', 'optional') || null,
  }
  if (row.issues.length === 0) {
    for (const broken of checkDossierRules(input)) row.fail(broken.field, broken.value, broken.reason)
  }
  return input
}
