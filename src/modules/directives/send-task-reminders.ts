import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingDays } from '../../domain/directives/recurrence.js'
import { reminderDedupeKey, reminderText } from '../../domain/directives/reminders.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { writeAudit } from '../audit/write-audit.js'
import { enqueueMessage } from '../notifications/enqueue-message.js'
import { taskBoard } from './task-board.js'
import { contactsOf } from './tasks.repository.js'

export interface ReminderRun {
  /** Reminders new to the outbox this run. */
  queued: number
  /** Reminders due but already sent (or queued) for that occurrence and kind. */
  repeated: number
  /** Reminders due for units with no e-mail address on record. */
  withoutAddress: number
}

/**
 * Puts the reminders due on `today` in the outbox: before a deadline and after it, to the
 * assignee's address. The dedupe key (occurrence and kind) makes a second run, or a second
 * server, add nothing, so each reminder is sent once. One audit row per run that queued any.
 */
export async function sendTaskReminders(db: Kysely<Database>, calendar: WorkingDays, today: LocalDate, unitIds: ReadonlySet<number>, actor = 'system'): Promise<ReminderRun> {
  const due = (await taskBoard(db, calendar, today, { unitIds })).filter((item) => item.reminder !== null && !item.projected)
  const contacts = await contactsOf(db, [...new Set(due.map((item) => item.occurrence.unit_id))])
  const run: ReminderRun = { queued: 0, repeated: 0, withoutAddress: 0 }
  await db.transaction().execute(async (trx) => {
    const queued: string[] = []
    for (const item of due) {
      const o = item.occurrence
      const kind = item.reminder!.kind
      const email = contacts.get(o.unit_id)
      if (!email) {
        run.withoutAddress++
        continue
      }
      const text = reminderText({ kind, unitName: o.unit_name, taskTitle: o.title, directive: item.directiveLabel, dueOn: o.due_on, today })
      const dedupeKey = reminderDedupeKey(o.id, kind)
      const id = await enqueueMessage(trx, { channel: 'email', recipient: email, subject: text.subject, body: text.body, topic: 'task.reminder', unitId: o.unit_id, dedupeKey })
      if (id === null) run.repeated++
      else {
        run.queued++
        queued.push(dedupeKey)
      }
    }
    if (queued.length > 0) await writeAudit(trx, { actor, action: 'task.remind', entity: 'task_occurrence', summary: { today, queued } })
  })
  return run
}
