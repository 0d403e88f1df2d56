import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { byRoot } from './scope-roots.js'
import { judgeFeedback } from '../../domain/feedback/feedback-deadlines.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { windowsSpan } from './time-windows.js'
import { scopeMembersOf, scopeMembersSql } from './index-scope.js'

export interface FeedbackInputs {
  '5.1': Fraction | null
  '5.2': Fraction | null
  '5.3': Fraction | null
}

const date = (value: Date | null) => (value === null ? null : new Date(value))

/**
 * Whether motcua keeps feedback for the unit's province: some item of a unit under the same
 * root was received by the period's end. Otherwise 5.1–5.3 are "chưa có dữ liệu" — a province
 * that never brought its feedback in must not get full points for "no feedback".
 */
export async function feedbackKeptUnder(db: Kysely<Database>, rootId: number, end: Date): Promise<boolean> {
  const { rows } = await sql<{ kept: boolean }>`
    select exists (
      select 1 from feedback f
      join ${scopeMembersSql([rootId])} tree on tree.descendant_id = f.unit_id
      where f.received_at < ${end}
    ) as kept
  `.execute(db)
  return rows[0]?.kept === true
}

/**
 * 5.1–5.3 over a unit's subtree and a period (INDICATORS.md):
 * - 5.1: items received in the period that were classified by its end / items received in it;
 * - 5.2: items received by the period's end and not over before it began (rejected, or handled
 *   and made public), each judged by `judgeFeedback` at the period's end (open ones too);
 * - 5.3: of the same items, those neither late, nor disliked (reaction "không hài lòng"), nor
 *   repeated / all of them.
 * No item in the scope while the province keeps feedback: 0/0 — the formula set's
 * empty-denominator rule decides (full points by default, INDICATORS.md).
 */
export async function feedbackInputs(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, FeedbackInputs>> {
  return (await feedbackInputsOverWindows(db, calendar, scopeIds, [{ start, end }]))[0]!
}

/** `feedbackInputs` for several periods: the items read once, each judged at the end of each period it belongs to. */
export async function feedbackInputsOverWindows(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Map<number, FeedbackInputs>[]> {
  const span = windowsSpan(windows)
  // Whether each scope's province keeps feedback at each period's end: one question per province.
  const keptAt = await byRoot(db, scopeIds, (rootId) => feedbackKeptAt(db, rootId, windows.map((w) => w.end)))
  const kept = windows.map((_, w) => new Map([...keptAt].map(([id, flags]) => [id, flags[w]!])))
  const keptScopes = scopeIds.filter((id) => kept.some((k) => k.get(id) === true))
  const items =
    keptScopes.length === 0
      ? []
      : await db
          .selectFrom('feedback as f')
          .innerJoin(scopeMembersOf(db, keptScopes).as('c'), 'c.descendant_id', 'f.unit_id')
          .where('f.received_at', '<', span.end)
          .where((eb) => eb.or([eb('f.rejected_at', 'is', null), eb('f.rejected_at', '>=', span.start)]))
          .where((eb) => eb.or([eb('f.published_at', 'is', null), eb('f.published_at', '>=', span.start)]))
          .select(['c.ancestor_id as scope_id', 'f.id', 'f.received_at', 'f.classification', 'f.classified_at', 'f.rejected_at', 'f.supplement_requested_at', 'f.handled_at', 'f.published_at', 'f.reaction', 'f.repeated'])
          .execute()
  return windows.map(({ start, end }, w) => {
    // An item counts in its unit's scope and every scope above: judged once per period, not once per scope.
    const verdicts = new Map<string, boolean>()
    const counts = new Map(scopeIds.filter((id) => kept[w]!.get(id) === true).map((id) => [id, { received: 0, classified: 0, onTime: 0, satisfied: 0, items: 0 }]))
    for (const item of items) {
      const count = counts.get(Number(item.scope_id))
      const receivedAt = new Date(item.received_at)
      const rejectedAt = date(item.rejected_at)
      const publishedAt = date(item.published_at)
      // Received by the period's end and not over (rejected, or made public) before it began.
      if (!count || receivedAt >= end || (rejectedAt !== null && rejectedAt < start) || (publishedAt !== null && publishedAt < start)) continue
      count.items += 1
      if (receivedAt >= start) {
        count.received += 1
        if (item.classification !== null && (item.classified_at === null || new Date(item.classified_at) < end)) count.classified += 1
      }
      const id = String(item.id)
      if (!verdicts.has(id)) verdicts.set(id, judgeFeedback(calendar, { receivedAt, rejectedAt, supplementRequestedAt: date(item.supplement_requested_at), handledAt: date(item.handled_at), publishedAt }, end).onTime)
      const onTime = verdicts.get(id)!
      if (onTime) count.onTime += 1
      if (onTime && item.reaction !== 'unsatisfied' && item.repeated !== true) count.satisfied += 1
    }
    return new Map(
      scopeIds.map((id): [number, FeedbackInputs] => {
        const count = counts.get(id)
        if (!count) return [id, { '5.1': null, '5.2': null, '5.3': null }]
        return [id, { '5.1': { numerator: count.classified, denominator: count.received }, '5.2': { numerator: count.onTime, denominator: count.items }, '5.3': { numerator: count.satisfied, denominator: count.items } }]
      }),
    )
  })
}

/** `feedbackKeptUnder` at several period ends in one question, in their order. */
export async function feedbackKeptAt(db: Kysely<Database>, rootId: number, ends: readonly Date[]): Promise<boolean[]> {
  const { rows } = await sql<{ at: number; kept: boolean }>`
    select e.at::int as at, exists (
      select 1 from feedback f join ${scopeMembersSql([rootId])} tree on tree.descendant_id = f.unit_id where f.received_at < e.e
    ) as kept
    from unnest(${ends.map((end) => end.toISOString())}::timestamptz[]) with ordinality as e(e, at)`.execute(db)
  const kept = new Map(rows.map((row) => [Number(row.at), row.kept === true]))
  return ends.map((_, i) => kept.get(i + 1) === true)
}
