import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { maskPhone } from '../../../domain/accounts/mask.js'
import type { DossierStatus } from '../../../domain/dossiers/dossier-status.js'
import { progressLabel } from '../../../domain/dossiers/dossier-stage.js'
import { bookNote, formatBookDate, isLateAt, TRACKING_BOOK_KIND_LABELS, type TrackingBookKind } from '../../../domain/dossiers/tracking-book.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { addDays, type LocalDate } from '../../../domain/time/local-date.js'
import { startOfVietnamDay, toVietnamDate } from '../../../domain/time/vietnam-time.js'

/** More rows than a book page run can hold: the officer narrows the period or the procedure. */
export const TRACKING_BOOK_MAX_ROWS = 10_000

export interface TrackingBookRequest {
  unit: { id: number; code: string; name: string }
  /** The unit's subtree: the receiving units the book covers. */
  unitIds: readonly number[]
  from: LocalDate
  to: LocalDate
  kind: TrackingBookKind
  procedureCode?: string | undefined
  /** Whether phone numbers show unmasked. */
  personalData: boolean
}

/** Which dossiers a book of this kind lists, between the period's first instant and the instant after it. */
function kindCondition(kind: TrackingBookKind, start: Date, end: Date): RawBuilder<boolean> {
  const handedOverIn = sql<boolean>`exists (select 1 from dossier_events e where e.dossier_id = d.id and e.type = 'hand_over' and e.at >= ${start} and e.at < ${end})`
  const receivedIn = sql<boolean>`(d.received_at >= ${start} and d.received_at < ${end})`
  const returnedIn = sql<boolean>`(d.returned_at >= ${start} and d.returned_at < ${end})`
  switch (kind) {
    case 'received': return receivedIn
    case 'handed_over': return handedOverIn
    case 'returned': return returnedIn
    case 'all': return sql<boolean>`(${receivedIn} or ${handedOverIn} or ${returnedIn})`
    case 'late':
      // The same rule as isLateAt: a result after the due time within the period, or none by its end and the due time passed.
      return sql<boolean>`(d.received_at < ${end} and d.due_at is not null and d.status not in ('rejected', 'withdrawn') and (
        (d.finished_at >= ${start} and d.finished_at < ${end} and d.finished_at > d.due_at)
        or ((d.finished_at is null or d.finished_at >= ${end}) and d.due_at < ${end})))`
  }
}

/** The tracking book of a unit (and its subtree) for a period, a kind of book and maybe one procedure. */
export async function readTrackingBook(db: Kysely<Database>, request: TrackingBookRequest) {
  const start = startOfVietnamDay(request.from)
  const end = startOfVietnamDay(addDays(request.to, 1))
  const procedure = request.procedureCode
    ? await db.selectFrom('procedures as p').innerJoin('procedure_versions as pv', 'pv.procedure_id', 'p.id')
        .select(['p.code', 'pv.name']).where('p.code', '=', request.procedureCode).orderBy('pv.version', 'desc').executeTakeFirst()
    : null
  if (request.procedureCode && !procedure) {
    throw new AppError(ErrorCode.validation, `unknown procedure ${request.procedureCode}`, `Không có thủ tục hành chính với mã ${request.procedureCode}`, [{ column: 'procedure', value: request.procedureCode, reason: 'không có thủ tục này' }])
  }
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .leftJoin('users as assignee', 'assignee.id', 'd.assignee_user_id')
    .leftJoin('units as assigned_unit', 'assigned_unit.id', 'd.assigned_unit_id')
    .where('d.receiving_unit_id', 'in', request.unitIds.length > 0 ? request.unitIds : [-1])
    .where(kindCondition(request.kind, start, end))
  if (procedure) query = query.where('p.code', '=', procedure.code)
  const rows = await query
    .select([
      'd.code', 'p.code as procedure_code', 'pv.name as procedure_name', 'd.applicant_name', 'd.applicant_address', 'd.applicant_phone',
      'd.status', 'd.work_stage', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.returned_at', 'assignee.display_name as assignee_name', 'assigned_unit.name as assigned_unit_name',
      sql<Date | null>`(select min(e.at) from dossier_events e where e.dossier_id = d.id and e.type = 'hand_over')`.as('handed_over_at'),
    ])
    .orderBy('d.received_at')
    .orderBy('d.code')
    .limit(TRACKING_BOOK_MAX_ROWS + 1)
    .execute()
  if (rows.length > TRACKING_BOOK_MAX_ROWS) {
    throw new AppError(ErrorCode.validation, 'tracking book too long', `Sổ có hơn ${TRACKING_BOOK_MAX_ROWS.toLocaleString('vi-VN')} hồ sơ: hãy chọn khoảng thời gian ngắn hơn hoặc một thủ tục`)
  }
  const day = (instant: Date | null) => formatBookDate(instant === null ? null : toVietnamDate(instant))
  return {
    unit: { code: request.unit.code, name: request.unit.name },
    from: request.from,
    to: request.to,
    period_label: `Từ ngày ${formatBookDate(request.from)} đến ngày ${formatBookDate(request.to)}`,
    kind: request.kind,
    kind_label: TRACKING_BOOK_KIND_LABELS[request.kind],
    procedure: procedure ? { code: procedure.code, name: procedure.name } : null,
    rows: rows.map((r, i) => {
      const status = r.status as DossierStatus
      const late = isLateAt({ dueAt: r.due_at, finishedAt: r.finished_at, status }, end)
      const phone = request.personalData ? r.applicant_phone : maskPhone(r.applicant_phone)
      return {
        position: i + 1,
        code: r.code,
        procedure_code: r.procedure_code,
        procedure_name: r.procedure_name,
        applicant_name: r.applicant_name ?? '',
        contact: [r.applicant_address, phone].filter((part): part is string => part !== null && part !== '').join(' — '),
        received_on: day(r.received_at),
        due_on: day(r.due_at),
        handed_over_on: day(r.handed_over_at === null ? null : new Date(r.handed_over_at)),
        handler: r.assignee_name ?? r.assigned_unit_name ?? '',
        returned_on: day(r.returned_at),
        late,
        status,
        status_label: progressLabel(status, r.work_stage),
        note: bookNote(late, status),
      }
    }),
  }
}
export type TrackingBook = Awaited<ReturnType<typeof readTrackingBook>>
