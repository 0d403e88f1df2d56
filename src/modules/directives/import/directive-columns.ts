import type { ColumnSpec } from '../../import/columns.js'

export type DirectiveColumn =
  | 'direction' | 'doc_type' | 'number' | 'issued_on' | 'issuer' | 'subject' | 'topic'
  | 'task' | 'assignees' | 'monitor' | 'recurrence' | 'due_on' | 'ends_on'

/**
 * directives.csv / .xlsx: one row per task, the directive's columns repeated on each of its
 * rows (a row with no task records the directive alone). Assignees are unit codes separated by
 * ";". Documented in docs/INTERCHANGE-EXTENSIONS.md.
 */
export const DIRECTIVE_COLUMNS: readonly ColumnSpec<DirectiveColumn>[] = [
  { name: 'direction', required: true, vietnamese: 'Văn bản đến/đi' },
  { name: 'doc_type', required: false, vietnamese: 'Loại văn bản' },
  { name: 'number', required: true, vietnamese: 'Số, ký hiệu' },
  { name: 'issued_on', required: true, vietnamese: 'Ngày ban hành' },
  { name: 'issuer', required: true, vietnamese: 'Cơ quan ban hành' },
  { name: 'subject', required: true, vietnamese: 'Trích yếu' },
  { name: 'topic', required: false, vietnamese: 'Chủ đề' },
  { name: 'task', required: false, vietnamese: 'Nhiệm vụ' },
  { name: 'assignees', required: false, vietnamese: 'Đơn vị thực hiện' },
  { name: 'monitor', required: false, vietnamese: 'Đơn vị theo dõi' },
  { name: 'recurrence', required: false, vietnamese: 'Chu kỳ' },
  { name: 'due_on', required: false, vietnamese: 'Hạn hoàn thành' },
  { name: 'ends_on', required: false, vietnamese: 'Ngày kết thúc' },
]
