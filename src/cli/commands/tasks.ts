import { TASK_STATE_LABELS, TIMELINESS_LABELS } from '../../domain/directives/task-state.js'
import { letterDate } from '../../domain/reports/letter-dates.js'
import { isLocalDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../../modules/calendar/load-working-calendar.js'
import { completionByUnit, taskBoard } from '../../modules/directives/task-board.js'
import { getUnitByCode, subtreeOf } from '../../modules/units/units.repository.js'
import type { Command } from '../command.js'
import { reportingJsonErrors } from '../json-errors.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = 'cli -- tasks --unit MÃ [--overdue] [--week] [--on YYYY-MM-DD] [--json]'

/** What a unit and its units below owe by when: overdue, due this week, delivered; and the completion per unit. */
export const tasksCommand: Command = {
  name: 'tasks',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, overdue: { type: 'boolean' }, week: { type: 'boolean' }, on: { type: 'string' }, json: { type: 'boolean' } }, USAGE)
    if (positionals.length > 0) throw usageError(`Thừa tham số: ${positionals.join(' ')}`, USAGE)
    if (!values.unit) throw usageError('Thiếu --unit', USAGE)
    if (values.on !== undefined && !isLocalDate(values.on)) throw usageError(`--on không hợp lệ: ${values.on} (dạng YYYY-MM-DD)`, USAGE)
    const today = values.on ?? toVietnamDate(new Date())
    const handle = await context.database()
    const unitCode = values.unit
    const board = await reportingJsonErrors(values.json ?? false, context, { kind: 'tasks' }, async () => {
      const unit = await getUnitByCode(handle.db, unitCode)
      const scope = await subtreeOf(handle.db, unit.id)
      return taskBoard(handle.db, await loadWorkingCalendar(handle.db), today, { unitIds: scope, assigneeIds: [...scope] })
    })
    const items = board.filter((i) => (!values.overdue || i.verdict.overdue) && (!values.week || i.dueThisWeek))
    if (values.json) {
      context.stdout(JSON.stringify({
        unit: unitCode, on: today,
        items: items.map((i) => ({
          id: i.occurrence.id, directive: i.directiveLabel, title: i.occurrence.title, unit_code: i.occurrence.unit_code, unit_name: i.occurrence.unit_name, period: i.occurrence.period_key,
          due_on: i.occurrence.due_on, state: i.verdict.state, timeliness: i.verdict.timeliness, delivered_on: i.verdict.deliveredOn, overdue: i.verdict.overdue, reminder: i.reminder?.line ?? null,
        })),
        completion: completionByUnit(board),
      }, null, 2))
      return 0
    }
    if (items.length === 0) context.stdout(values.overdue ? 'Không có nhiệm vụ quá hạn.' : 'Không có nhiệm vụ.')
    for (const i of items) {
      context.stdout(`${i.occurrence.id}\t${letterDate(i.occurrence.due_on)}\t${i.occurrence.unit_name}\t${TASK_STATE_LABELS[i.verdict.state]}; ${TIMELINESS_LABELS[i.verdict.timeliness]}\t${i.occurrence.title} (${i.directiveLabel})`)
      if (i.reminder) context.stdout(`\t${i.reminder.line}`)
    }
    return 0
  },
}
