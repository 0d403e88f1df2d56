import type { Kysely } from 'kysely'
import type { Database, FeedbackRow } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

export interface FeedbackListQuery {
  /** The units whose items are listed (a subtree). */
  unitIds: readonly number[]
  /** Received from this instant (inclusive) … */
  from?: Date
  /** … to this instant (exclusive). */
  to?: Date
  page: number
  pageSize: number
}

export type FeedbackWithUnit = FeedbackRow & { unit_code: string; unit_name: string }

/** Items of some units, newest first, a page at a time. */
export async function listFeedback(db: Kysely<Database>, query: FeedbackListQuery): Promise<{ total: number; items: FeedbackWithUnit[] }> {
  if (query.unitIds.length === 0) return { total: 0, items: [] }
  let base = db.selectFrom('feedback as f').innerJoin('units as u', 'u.id', 'f.unit_id').where('f.unit_id', 'in', [...query.unitIds])
  if (query.from) base = base.where('f.received_at', '>=', query.from)
  if (query.to) base = base.where('f.received_at', '<', query.to)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = await base
    .selectAll('f')
    .select(['u.code as unit_code', 'u.name as unit_name'])
    .orderBy('f.received_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { total: Number(total.n), items }
}

/** One item, if the viewer's units include its unit; otherwise "not found" (nothing leaks). */
export async function getVisibleFeedback(db: Kysely<Database>, id: string, unitIds: ReadonlySet<number>): Promise<FeedbackWithUnit> {
  const row = /^\d{1,18}$/.test(id)
    ? await db.selectFrom('feedback as f').innerJoin('units as u', 'u.id', 'f.unit_id').selectAll('f').select(['u.code as unit_code', 'u.name as unit_name']).where('f.id', '=', id).executeTakeFirst()
    : undefined
  if (!row || !unitIds.has(row.unit_id)) throw new AppError(ErrorCode.notFound, `no visible feedback ${id}`, `Không có phản ánh, kiến nghị số ${id} trong phạm vi bạn được xem`)
  return row
}
