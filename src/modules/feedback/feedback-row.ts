import type { FeedbackRow } from '../../db/schema.js'
import type { FeedbackClassification, FeedbackInput, FeedbackReaction } from '../../domain/feedback/feedback.js'
import type { FeedbackState } from '../../domain/feedback/feedback-steps.js'

/** The columns of a feedback row an input sets (the import's and the API's). */
export function feedbackValues(input: FeedbackInput, unitId: number) {
  return {
    code: input.code,
    unit_id: unitId,
    received_at: input.receivedAt,
    channel: input.channel,
    summary: input.summary,
    procedure_code: input.procedureCode,
    dossier_code: input.dossierCode,
    classification: input.classification,
    classified_at: input.classifiedAt,
    rejected_at: input.rejectedAt,
    supplement_requested_at: input.supplementRequestedAt,
    handled_at: input.handledAt,
    published_at: input.publishedAt,
    reaction: input.reaction,
    repeated: input.repeated,
  }
}
export type FeedbackValues = ReturnType<typeof feedbackValues>

const time = (value: Date | null) => (value === null ? null : new Date(value).getTime())

/** Whether a stored row already says what the values say. */
export function sameFeedback(row: FeedbackRow, values: FeedbackValues): boolean {
  return (
    row.channel === values.channel &&
    row.summary === values.summary &&
    row.procedure_code === values.procedure_code &&
    row.dossier_code === values.dossier_code &&
    row.classification === values.classification &&
    row.reaction === values.reaction &&
    row.repeated === values.repeated &&
    time(row.received_at) === time(values.received_at) &&
    time(row.classified_at) === time(values.classified_at) &&
    time(row.rejected_at) === time(values.rejected_at) &&
    time(row.supplement_requested_at) === time(values.supplement_requested_at) &&
    time(row.handled_at) === time(values.handled_at) &&
    time(row.published_at) === time(values.published_at)
  )
}

const date = (value: Date | null) => (value === null ? null : new Date(value))

/** A stored row as the domain's step state. */
export function feedbackStateOf(row: FeedbackRow): FeedbackState {
  return {
    receivedAt: new Date(row.received_at),
    rejectedAt: date(row.rejected_at),
    supplementRequestedAt: date(row.supplement_requested_at),
    handledAt: date(row.handled_at),
    publishedAt: date(row.published_at),
    classification: row.classification as FeedbackClassification | null,
    classifiedAt: date(row.classified_at),
    reaction: row.reaction as FeedbackReaction | null,
  }
}
