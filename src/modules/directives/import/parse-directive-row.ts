import { checkDirective, checkTask, type DirectiveDirection, type DirectiveInput, type TaskInput } from '../../../domain/directives/directive-rules.js'
import type { RowParser } from '../../import/row-parser.js'
import { enumAliases, parseEnum, parseLocalDate } from '../../import/value-parsers.js'
import type { DirectiveColumn } from './directive-columns.js'

export interface DirectiveRow {
  directive: DirectiveInput
  task: TaskInput | null
}

const DIRECTIONS = enumAliases<DirectiveDirection>({ incoming: ['incoming', 'đến', 'den', 'văn bản đến'], outgoing: ['outgoing', 'đi', 'di', 'văn bản đi'] })

/** One row of directives.csv; the domain's rules name what is wrong, by column. */
export function parseDirectiveRow(row: RowParser<DirectiveColumn>, defaultMonitor: string): DirectiveRow {
  const before = row.issues.length
  const directive: DirectiveInput = {
    direction: row.mandatory('direction', (raw) => parseEnum(raw, DIRECTIONS, 'incoming (đến), outgoing (đi)'), 'incoming'),
    docType: row.text('doc_type') || 'Công văn',
    number: row.required('number'),
    issuedOn: row.mandatory('issued_on', parseLocalDate, ''),
    issuer: row.required('issuer'),
    subject: row.required('subject'),
    topic: row.text('topic') || null,
  }
  const title = row.text('task')
  const task: TaskInput | null =
    title === '' && row.text('assignees') === ''
      ? null
      : {
          title,
          assignees: row.text('assignees').split(/[;,\s]+/).filter(Boolean),
          monitor: row.text('monitor') || defaultMonitor,
          recurrence: row.text('recurrence') || 'once',
          dueOn: row.optional('due_on', parseLocalDate, null),
          endsOn: row.optional('ends_on', parseLocalDate, null),
        }
  // Cells that did not parse are already named; the rules then judge only what was read.
  const named = new Set(row.issues.slice(before).map((issue) => issue.column))
  for (const b of checkDirective(directive)) if (!named.has(b.field as DirectiveColumn)) row.fail(b.field as DirectiveColumn, null, b.reason)
  if (task) {
    for (const b of checkTask(task, directive.issuedOn)) {
      const column = (b.field === 'title' ? 'task' : b.field) as DirectiveColumn
      if (!named.has(column)) row.fail(column, null, b.reason)
    }
  }
  return { directive, task }
}
