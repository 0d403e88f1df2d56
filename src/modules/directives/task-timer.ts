import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { sendTaskReminders } from './send-task-reminders.js'

/**
 * While the server runs: the recurring tasks' new occurrences and the reminders due, every
 * `intervalSeconds` (the outbox worker then sends them). The timer acts for every unit.
 */
export function startTaskTimer(db: Kysely<Database>, intervalSeconds: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null
  const runOnce = () => {
    running ??= (async () => {
      const units = await db.selectFrom('units').select('id').execute()
      await sendTaskReminders(db, await loadWorkingCalendar(db), toVietnamDate(new Date()), new Set(units.map((u) => u.id)))
    })()
      .catch(onError)
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(runOnce, intervalSeconds * 1000)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
