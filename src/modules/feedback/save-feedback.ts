import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { FeedbackInput } from '../../domain/feedback/feedback.js'
import type { SaveCounts } from '../units/save-units.js'
import { feedbackValues, sameFeedback } from './feedback-row.js'

/**
 * Inserts new items and updates changed ones, keyed by (unit, code): the same file twice
 * changes nothing. Units are resolved and rows checked beforehand.
 */
export async function saveFeedback(trx: Transaction<Database>, items: readonly { input: FeedbackInput; unitId: number }[]): Promise<SaveCounts> {
  const counts: SaveCounts = { inserted: 0, updated: 0, unchanged: 0 }
  if (items.length === 0) return counts
  const unitIds = [...new Set(items.map((i) => i.unitId))]
  const existing = await trx.selectFrom('feedback').selectAll().where('unit_id', 'in', unitIds).execute()
  const byKey = new Map(existing.map((row) => [`${row.unit_id}\u0000${row.code}`, row]))
  for (const { input, unitId } of items) {
    const values = feedbackValues(input, unitId)
    const current = byKey.get(`${unitId}\u0000${input.code}`)
    if (!current) {
      await trx.insertInto('feedback').values(values).execute()
      counts.inserted++
    } else if (sameFeedback(current, values)) {
      counts.unchanged++
    } else {
      await trx.updateTable('feedback').set({ ...values, updated_at: new Date() }).where('id', '=', current.id).execute()
      counts.updated++
    }
  }
  return counts
}
