import type { z } from 'zod'
import type { DirectiveSummary, TaskOccurrence, UnitCompletion } from '../../../contracts/directives.js'
import { TASK_STATE_LABELS, TIMELINESS_LABELS } from '../../../domain/directives/task-state.js'
import type { DirectiveRow } from '../../../modules/directives/directives.repository.js'
import { presentLateEntry } from './late-entry.present.js'
import { allowedSteps, directiveLabel, type BoardItem, type UnitCompletion as Completion } from '../../../modules/directives/task-board.js'

/** The answers of /api/v1/directives and /api/v1/tasks, shaped from the module's rows. */
export function presentDirective(d: DirectiveRow): z.infer<typeof DirectiveSummary> {
  return {
    id: d.id, unit_code: d.unitCode, unit_name: d.unitName, direction: d.direction, doc_type: d.docType, number: d.number, issued_on: d.issuedOn, issuer: d.issuer,
    subject: d.subject, topic: d.topic, cited_document_id: d.citedDocumentId, file_name: d.fileName,
    ocr_status: d.ocrStatus === null ? null : (d.ocrStatus as 'queued' | 'running' | 'done' | 'failed'), ocr_error: d.ocrError, label: directiveLabel({ doc_type: d.docType, number: d.number, issued_on: d.issuedOn }),
  }
}

export function presentOccurrence(item: BoardItem): z.infer<typeof TaskOccurrence> {
  const o = item.occurrence
  return {
    id: o.id, task_id: o.task_id, directive_id: o.directive_id, directive: item.directiveLabel, title: o.title, recurrence: o.recurrence, recurrence_label: item.recurrenceLabel,
    period: o.period_key, due_on: o.due_on, unit_code: o.unit_code, unit_name: o.unit_name, monitor_code: o.monitor_code, monitor_name: o.monitor_name,
    state: item.verdict.state, state_label: TASK_STATE_LABELS[item.verdict.state], timeliness: item.verdict.timeliness, timeliness_label: TIMELINESS_LABELS[item.verdict.timeliness],
    delivered_on: item.verdict.deliveredOn, overdue: item.verdict.overdue, due_this_week: item.dueThisWeek, reminder: item.reminder,
    projected: item.projected,
    allowed_steps: allowedSteps(item),
    submissions: item.submissions.map((s) => ({
      id: s.id, submitted_at: s.submitted_at, submitted_by: s.submitted_by, note: s.note, file_name: s.file_name, has_file: s.file_id !== null,
      verdict: s.verdict, verdict_reason: s.verdict_reason, verdict_by: s.verdict_by, verdict_at: s.verdict_at, late_entry: s.lateEntry ? presentLateEntry(s.lateEntry) : null,
    })),
  }
}

export function presentCompletion(c: Completion): z.infer<typeof UnitCompletion> {
  return { unit_code: c.unitCode, unit_name: c.unitName, on_time: c.onTime, late: c.late, missing: c.missing, pending: c.pending, on_time_rate: c.onTimeRate, sentence: c.sentence }
}
