import {
  checkFeedbackRules,
  FEEDBACK_CHANNELS,
  FEEDBACK_CLASSIFICATIONS,
  FEEDBACK_REACTIONS,
  type FeedbackChannel,
  type FeedbackClassification,
  type FeedbackInput,
  type FeedbackReaction,
} from '../../domain/feedback/feedback.js'
import { FEEDBACK_CHANNEL_ALIASES, FEEDBACK_CLASSIFICATION_ALIASES, FEEDBACK_REACTION_ALIASES } from '../import/aliases.js'
import type { RowParser } from '../import/row-parser.js'
import { parseEnum, parseKnownBoolean, parseTime } from '../import/value-parsers.js'
import type { FeedbackColumn } from './feedback-columns.js'

const EPOCH = new Date(0)
/** Codes are read by row.code (no control characters); their length is checked here. */
function shortCode(row: RowParser<FeedbackColumn>, column: FeedbackColumn, value: string, max: number, what: string): void {
  if (value.length > max) row.fail(column, value, `${what} tối đa ${max} ký tự`)
}

/** One row of feedback.csv to a typed item; every bad cell and broken rule is reported. */
export function parseFeedbackRow(row: RowParser<FeedbackColumn>): FeedbackInput {
  const code = row.code('code', 'required')
  shortCode(row, 'code', code, 100, 'mã phản ánh')
  const summary = row.required('summary')
  if (summary.length > 2000) row.fail('summary', summary, 'nội dung tóm tắt tối đa 2000 ký tự')
  const procedureCode = row.code('procedure_code', 'optional') || null
  if (procedureCode) shortCode(row, 'procedure_code', procedureCode, 32, 'mã TTHC')
  const dossierCode = row.code('dossier_code', 'optional') || null
  if (dossierCode) shortCode(row, 'dossier_code', dossierCode, 100, 'mã hồ sơ')
  const input: FeedbackInput = {
    code,
    unitCode: row.code('unit_code', 'required'),
    receivedAt: row.mandatory('received_at', parseTime, EPOCH),
    channel: row.mandatory<FeedbackChannel>('channel', (raw) => parseEnum(raw, FEEDBACK_CHANNEL_ALIASES, FEEDBACK_CHANNELS.join(', ')), 'online'),
    summary,
    procedureCode,
    dossierCode,
    classification: row.optional<FeedbackClassification | null>('classification', (raw) => parseEnum(raw, FEEDBACK_CLASSIFICATION_ALIASES, FEEDBACK_CLASSIFICATIONS.join(', ')), null),
    classifiedAt: row.optional<Date | null>('classified_at', parseTime, null),
    rejectedAt: row.optional<Date | null>('rejected_at', parseTime, null),
    supplementRequestedAt: row.optional<Date | null>('supplement_requested_at', parseTime, null),
    handledAt: row.optional<Date | null>('handled_at', parseTime, null),
    publishedAt: row.optional<Date | null>('published_at', parseTime, null),
    reaction: row.optional<FeedbackReaction | null>('reaction', (raw) => parseEnum(raw, FEEDBACK_REACTION_ALIASES, FEEDBACK_REACTIONS.join(', ')), null),
    repeated: row.optional('repeated', parseKnownBoolean, null),
  }
  if (row.issues.length === 0) {
    for (const broken of checkFeedbackRules(input)) row.fail(broken.field, broken.value, broken.reason)
  }
  return input
}
