import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { lastWholePeriods } from '../../domain/time/last-whole-periods.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { indexOverview } from '../index766/index-overview.js'
import { getIndicatorTable } from '../indicators/indicator-table.js'
import { childrenAsOf, unitTreeAsOf } from '../units/units.repository.js'

/**
 * What a server does once after it starts, before leaders ask: one indicator table (the first
 * root unit with its children, the last whole month) and one Decision 766 overview (its first
 * child, the last whole quarter) computed and dropped. The first question of a process otherwise pays for
 * compiling its code paths, the embedded database's first plans and first reads of each table
 * (measured: a fresh process's first overview ~2× one in a process that has run). The answers are
 * not kept in the figure cache: it is the engine that is warmed, not any leader's figure.
 */
export async function warmUpFigures(db: Kysely<Database>, signal?: AbortSignal, today: LocalDate = toVietnamDate(new Date())): Promise<{ tables: number; overviews: number }> {
  const done = { tables: 0, overviews: 0 }
  const root = (await unitTreeAsOf(db, today)).find((unit) => unit.parent_code === null)
  if (!root) return done
  const { month, quarter } = lastWholePeriods(today)
  await getIndicatorTable(db, { unitCode: root.code, from: month.from, to: month.to, children: true }, signal)
  done.tables += 1
  const [child] = await childrenAsOf(db, root.id, today)
  if (signal?.aborted) return done
  await indexOverview(db, { unitCode: (child ?? root).code, period: quarter }, signal)
  done.overviews += 1
  return done
}
