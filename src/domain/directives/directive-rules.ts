import { TOPIC_PATTERN } from '../reports/cited-documents.js'
import { isLocalDate, type LocalDate } from '../time/local-date.js'
import { parseRecurrence } from './recurrence.js'

/** A directive letter: incoming from above, or the unit's own outgoing one. */
export type DirectiveDirection = 'incoming' | 'outgoing'
export const DIRECTIVE_DIRECTIONS: readonly DirectiveDirection[] = ['incoming', 'outgoing']
export const DIRECTION_LABELS: Record<DirectiveDirection, string> = { incoming: 'Văn bản đến', outgoing: 'Văn bản đi' }

export interface DirectiveInput {
  direction: DirectiveDirection
  docType: string
  number: string
  issuedOn: LocalDate
  issuer: string
  subject: string
  topic: string | null
}

export interface TaskInput {
  title: string
  /** Unit codes of the assignees. */
  assignees: string[]
  monitor: string
  recurrence: string
  dueOn: LocalDate | null
  endsOn: LocalDate | null
}

export interface RuleBreak {
  field: string
  reason: string
}

/** The rules a directive meets, however it comes in (API, file, a generated letter). */
export function checkDirective(d: DirectiveInput): RuleBreak[] {
  const breaks: RuleBreak[] = []
  if (!(DIRECTIVE_DIRECTIONS as readonly string[]).includes(d.direction)) breaks.push({ field: 'direction', reason: 'chiều văn bản phải là incoming (đến) hoặc outgoing (đi)' })
  if (d.docType.trim() === '' || d.docType.length > 60) breaks.push({ field: 'doc_type', reason: 'ghi loại văn bản (Công văn, Kế hoạch…), tối đa 60 ký tự' })
  if (d.number.trim() === '' || d.number.length > 60) breaks.push({ field: 'number', reason: 'ghi số, ký hiệu văn bản (ví dụ 1262/UBND-VP), tối đa 60 ký tự' })
  if (!isLocalDate(d.issuedOn)) breaks.push({ field: 'issued_on', reason: 'ngày ban hành không hợp lệ (YYYY-MM-DD hoặc dd/mm/yyyy)' })
  if (d.issuer.trim() === '' || d.issuer.length > 200) breaks.push({ field: 'issuer', reason: 'ghi cơ quan ban hành, tối đa 200 ký tự' })
  if (d.subject.trim() === '' || d.subject.length > 1000) breaks.push({ field: 'subject', reason: 'ghi trích yếu, tối đa 1000 ký tự' })
  if (d.topic !== null && !TOPIC_PATTERN.test(d.topic)) breaks.push({ field: 'topic', reason: 'chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới' })
  return breaks
}

/** The rules a task meets: something to deliver, someone to deliver it, a due date or a rule. */
export function checkTask(t: TaskInput, issuedOn: LocalDate): RuleBreak[] {
  const breaks: RuleBreak[] = []
  if (t.title.trim() === '' || t.title.length > 500) breaks.push({ field: 'title', reason: 'ghi nội dung phải thực hiện, tối đa 500 ký tự' })
  if (t.assignees.length === 0) breaks.push({ field: 'assignees', reason: 'phải có ít nhất một đơn vị thực hiện' })
  if (new Set(t.assignees).size !== t.assignees.length) breaks.push({ field: 'assignees', reason: 'một đơn vị được ghi hai lần' })
  if (t.monitor.trim() === '') breaks.push({ field: 'monitor', reason: 'ghi đơn vị theo dõi' })
  const rule = parseRecurrence(t.recurrence)
  if (!rule) breaks.push({ field: 'recurrence', reason: 'chu kỳ phải là once, weekly:1–5 (thứ Hai–thứ Sáu), monthly:N, quarterly:N (trước ngày N) hoặc yearly:MM-DD' })
  if (rule?.kind === 'once') {
    if (t.dueOn === null || !isLocalDate(t.dueOn)) breaks.push({ field: 'due_on', reason: 'nhiệm vụ một lần phải có hạn hoàn thành (YYYY-MM-DD hoặc dd/mm/yyyy)' })
    else if (isLocalDate(issuedOn) && t.dueOn < issuedOn) breaks.push({ field: 'due_on', reason: 'hạn hoàn thành trước ngày ban hành văn bản' })
  } else if (rule && t.dueOn !== null) breaks.push({ field: 'due_on', reason: 'nhiệm vụ định kỳ không ghi hạn riêng (hạn tính theo chu kỳ)' })
  if (t.endsOn !== null && (!isLocalDate(t.endsOn) || (isLocalDate(issuedOn) && t.endsOn < issuedOn))) breaks.push({ field: 'ends_on', reason: 'ngày kết thúc không hợp lệ hoặc trước ngày ban hành' })
  return breaks
}
