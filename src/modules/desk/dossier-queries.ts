import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { maskIdentityNumber, maskPhone } from '../../domain/accounts/mask.js'
import { mayApologize } from '../../domain/dossiers/apology.js'
import { DOSSIER_EVENT_LABELS, type DossierEventType } from '../../domain/dossiers/dossier-event.js'
import { DOSSIER_FLAG_COLUMNS, type DossierFlagColumn } from '../../domain/dossiers/dossier-flags.js'
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../domain/dossiers/dossier-status.js'
import { replayDossier } from '../../domain/dossiers/replay-dossier.js'
import { allowedNextEvents, TRANSITIONS } from '../../domain/dossiers/transitions.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { dueSoonLimit } from '../../domain/dossiers/due-soon.js'
import { DOSSIER_QUEUES, DossierQueue, QUEUE_SIDES } from '../../domain/dossiers/dossier-queues.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { historyOf } from '../dossiers/history-of.js'
import { dossierSearchCondition, exactCodeFirst } from './search-dossiers.js'
import { progressLabel } from '../../domain/dossiers/dossier-stage.js'
import { stepsOffered } from '../../domain/dossiers/step-rules.js'
import { sidesActedFor, type DossierSide } from '../../domain/dossiers/dossier-sides.js'
import type { Role } from '../../domain/accounts/role.js'
import { signaturesOfFiles, type FileSignatureView } from '../signatures/file-signatures.repository.js'
import { ecertEntriesOfDossier } from '../signatures/ecert-register.repository.js'
import { certificationNumberLabel } from '../../domain/signatures/ecert-register.js'


const OPEN: DossierStatus[] = ['received', 'processing', 'supplement', 'paused']

/** Who sees what: the units reached, and whether identity and phone numbers show unmasked. */
export interface Viewer {
  unitIds: ReadonlySet<number>
  personalData: boolean
  /** The signed-in official ("của tôi"); null for another system's token. */
  userId?: number | null
  /** For the steps offered: the actor's label (as in the history) and role. */
  actor?: string
  role?: Role | null
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .leftJoin('users as assignee', 'assignee.id', 'd.assignee_user_id')
    .leftJoin('units as assigned_unit', 'assigned_unit.id', 'd.assigned_unit_id')
}

const SUMMARY_COLUMNS = [
  'd.id', 'd.code', 'u.code as unit_code', 'u.name as unit_name', 'p.code as procedure_code', 'pv.name as procedure_name',
  'd.applicant_name', 'd.applicant_id_number', 'd.applicant_phone', 'd.channel', 'd.status', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.returned_at',
  'd.components_total', 'd.components_digitized', 'd.result_digitized', 'd.fee_vnd', 'd.paid_online', 'd.paid_at', 'd.receiving_unit_id', 'd.deciding_unit_id',
  'd.work_stage', 'assignee.username as assignee_username', 'assignee.display_name as assignee_name', 'assigned_unit.code as assigned_unit_code',
] as const

type SummaryRow = {
  code: string; unit_code: string; unit_name: string; procedure_code: string; procedure_name: string
  applicant_name: string | null; applicant_id_number: string | null; applicant_phone: string | null
  channel: string; status: string; received_at: Date; due_at: Date | null; finished_at: Date | null; returned_at: Date | null
  components_total: number; components_digitized: number; result_digitized: boolean; fee_vnd: string; paid_online: boolean; paid_at: Date | null
  work_stage: string | null; assignee_username: string | null; assignee_name: string | null; assigned_unit_code: string | null
}

function summary(row: SummaryRow, viewer: Viewer, now: Date) {
  const status = row.status as DossierStatus
  return {
    code: row.code,
    unit_code: row.unit_code,
    unit_name: row.unit_name,
    procedure_code: row.procedure_code,
    procedure_name: row.procedure_name,
    applicant_name: row.applicant_name,
    applicant_id_number: viewer.personalData ? row.applicant_id_number : maskIdentityNumber(row.applicant_id_number),
    applicant_phone: viewer.personalData ? row.applicant_phone : maskPhone(row.applicant_phone),
    channel: row.channel,
    status,
    status_label: progressLabel(status, row.work_stage),
    stage: row.work_stage,
    assignee_username: row.assignee_username,
    assignee_name: row.assignee_name,
    assigned_unit_code: row.assigned_unit_code,
    received_at: row.received_at,
    due_at: row.due_at,
    finished_at: row.finished_at,
    returned_at: row.returned_at,
    overdue: OPEN.includes(status) && row.due_at !== null && row.due_at.getTime() < now.getTime(),
    components_total: row.components_total,
    components_digitized: row.components_digitized,
    result_digitized: row.result_digitized,
    fee_vnd: Number(row.fee_vnd),
    paid_online: row.paid_online,
    paid_at: row.paid_at,
  }
}
export type DossierSummary = ReturnType<typeof summary>

export interface QueueRequest {
  /** The units whose received or decided dossiers are listed (a subtree the viewer may see). */
  unitIds: readonly number[]
  queue: DossierQueue
  /** The search box: code, name (typed with or without diacritics), identity or phone number. */
  search?: string
  page: number
  pageSize: number
}

/**
 * Each queue as one condition on the dossier row, so a page of one queue and the counts of all
 * of them read the same definition. `due_soon` needs the calendar: open, due by the end of the
 * next DUE_SOON_WORKING_DAYS working days (domain/dossiers/due-soon.ts), not yet late.
 */
async function queueConditions(db: Kysely<Database>, now: Date, viewer: Viewer, unitIds: readonly number[]): Promise<Record<DossierQueue, RawBuilder<boolean>>> {
  const calendar = await loadWorkingCalendar(db)
  const dueSoon = dueSoonLimit(calendar, now)
  const open = sql.join(OPEN.map((status) => sql.lit(status)))
  const onSide: Record<DossierSide, RawBuilder<boolean>> = {
    receiver: sql<boolean>`d.receiving_unit_id in (${sql.join(unitIds)})`,
    decider: sql<boolean>`d.deciding_unit_id in (${sql.join(unitIds)})`,
  }
  const sides = (queue: DossierQueue) => sql<boolean>`(${sql.join(QUEUE_SIDES[queue].map((side) => onSide[side]), sql` or `)})`
  const statusOf = queueStatusConditions(now, viewer, open, dueSoon)
  return Object.fromEntries(DOSSIER_QUEUES.map((queue) => [queue, sql<boolean>`${sides(queue)} and ${statusOf[queue]}`])) as Record<DossierQueue, RawBuilder<boolean>>
}

/**
 * The dossiers of the units' desks and of the units deciding them: a dossier decided where it was
 * received is found by its receiving unit; one decided elsewhere also by its deciding unit
 * (the partial index of migration 036).
 */
const ofUnits = (unitIds: readonly number[]) =>
  sql<boolean>`(d.receiving_unit_id in (${sql.join(unitIds)}) or (d.deciding_unit_id <> d.receiving_unit_id and d.deciding_unit_id in (${sql.join(unitIds)})))`

function queueStatusConditions(now: Date, viewer: Viewer, open: RawBuilder<unknown>, dueSoon: Date): Record<DossierQueue, RawBuilder<boolean>> {
  return {
    mine: viewer.userId ? sql<boolean>`d.assignee_user_id = ${viewer.userId} and d.status in (${open})` : sql<boolean>`false`,
    to_sign: sql<boolean>`d.status = 'processing' and d.work_stage = 'awaiting_signature'`,
    to_hand_over: sql<boolean>`d.status = 'received'`,
    to_process: sql<boolean>`d.status in ('received', 'processing', 'paused')`,
    supplement: sql<boolean>`d.status = 'supplement'`,
    due_soon: sql<boolean>`d.status in ('received', 'processing') and d.due_at >= ${now} and d.due_at <= ${dueSoon}`,
    overdue: sql<boolean>`d.status in (${open}) and d.due_at < ${now}`,
    finished: sql<boolean>`d.status = 'finished'`,
    all: sql<boolean>`true`,
  }
}

/** A page of one work queue. Open queues are ordered by due time, the others newest first. */
export async function listDossierQueue(db: Kysely<Database>, request: QueueRequest, viewer: Viewer, now = new Date()) {
  const unitIds = request.unitIds.filter((id) => viewer.unitIds.has(id))
  if (unitIds.length === 0) return { total: 0, page: request.page, page_size: request.pageSize, items: [] as DossierSummary[] }
  const search = request.search ? dossierSearchCondition(request.search, viewer.personalData) : null
  const queued = baseQuery(db).where(ofUnits(unitIds)).where((await queueConditions(db, now, viewer, unitIds))[request.queue])
  const query = search ? queued.where(search) : queued
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const byDue = request.queue !== 'finished' && request.queue !== 'all'
  const ranked = search && request.search ? query.orderBy(exactCodeFirst(request.search)) : query
  const rows = await (byDue ? ranked.orderBy('d.due_at', 'asc') : ranked.orderBy('d.received_at', 'desc'))
    .orderBy('d.code')
    .select([...SUMMARY_COLUMNS])
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute()
  return { total: Number(total), page: request.page, page_size: request.pageSize, items: rows.map((r) => summary(r, viewer, now)) }
}

/** How many dossiers wait in every queue, in one query (the tabs' badges). */
export async function countDossierQueues(db: Kysely<Database>, unitIds: readonly number[], viewer: Viewer, now = new Date()): Promise<Record<DossierQueue, number>> {
  const visible = unitIds.filter((id) => viewer.unitIds.has(id))
  const zero = Object.fromEntries(DOSSIER_QUEUES.map((q) => [q, 0])) as Record<DossierQueue, number>
  if (visible.length === 0) return zero
  const conditions = await queueConditions(db, now, viewer, visible)
  const row = await db
    .selectFrom('dossiers as d')
    .where(ofUnits(visible))
    .select(DOSSIER_QUEUES.map((q) => sql<number>`(count(*) filter (where ${conditions[q]}))::int`.as(q)))
    .executeTakeFirstOrThrow()
  return Object.fromEntries(DOSSIER_QUEUES.map((q) => [q, Number((row as Record<string, unknown>)[q] ?? 0)])) as Record<DossierQueue, number>
}

/**
 * A dossier the viewer may see (received or decided in its units); any other is answered as
 * if it did not exist.
 */
export async function getVisibleDossier(db: Kysely<Database>, code: string, viewer: Viewer) {
  const row = await baseQuery(db).select([...SUMMARY_COLUMNS, 'd.applicant_address', 'd.result_file_id', ...FLAG_COLUMNS]).where('d.code', '=', code).executeTakeFirst()
  if (!row || !(viewer.unitIds.has(row.receiving_unit_id) || viewer.unitIds.has(row.deciding_unit_id))) {
    throw new AppError(ErrorCode.notFound, `dossier ${code} not visible`, `Không có hồ sơ với mã ${code} trong phạm vi bạn được xem`)
  }
  return row
}

const FLAG_COLUMNS = DOSSIER_FLAG_COLUMNS.map((c) => `d.${c}` as const)

const fileColumns = ['f.id as file_id', 'f.original_name', 'f.size_bytes', 'f.media_type', 'f.uploaded_by', 'f.uploaded_at'] as const
type FileRow = { file_id: string | null; original_name: string | null; size_bytes: number | null; media_type: string | null; uploaded_by: string | null; uploaded_at: Date | null }
const fileOf = (r: FileRow, signatures: ReadonlyMap<string, FileSignatureView>) =>
  r.file_id === null
    ? null
    : { name: r.original_name!, size_bytes: r.size_bytes!, media_type: r.media_type!, uploaded_by: r.uploaded_by!, uploaded_at: r.uploaded_at!, signature: signatures.get(String(r.file_id)) ?? null }

/** What a hand-over or an assignment named (the event's data), for the timeline. */
function assignmentOf(data: unknown): { assignee: string | null; assigned_unit: string | null } {
  const named = (data ?? {}) as { assignee?: unknown; assigned_unit?: unknown }
  return { assignee: typeof named.assignee === 'string' ? named.assignee : null, assigned_unit: typeof named.assigned_unit === 'string' ? named.assigned_unit : null }
}

/** The dossier page: its facts, components and files, the timeline and the next steps allowed. */
export async function getDossierPage(db: Kysely<Database>, code: string, viewer: Viewer, now = new Date()) {
  const row = await getVisibleDossier(db, code, viewer)
  const components = await db
    .selectFrom('dossier_components as c')
    .leftJoin('files as f', 'f.id', 'c.file_id')
    .select(['c.position', 'c.name', 'c.required', 'c.received', 'c.digitized', 'c.digitized_at', ...fileColumns])
    .where('c.dossier_id', '=', row.id)
    .orderBy('c.position')
    .execute()
  const result = row.result_file_id === null
    ? null
    : await db.selectFrom('files as f').select([...fileColumns]).where('f.id', '=', row.result_file_id).executeTakeFirst()
  const events = await db
    .selectFrom('dossier_events as e')
    .leftJoin('users as usr', (join) => join.on('e.actor', 'like', 'user:%').onRef('usr.username', '=', (eb) => eb.fn('substr', [eb.ref('e.actor'), eb.lit(6)])))
    .select(['e.seq', 'e.type', 'e.at', 'e.actor', 'usr.display_name', 'e.reason', 'e.status_after', 'e.data'])
    .where('e.dossier_id', '=', row.id)
    .orderBy('e.seq')
    .execute()
  const apologies = await db
    .selectFrom('dossier_apologies as a')
    .leftJoin('users as usr', (join) => join.on('a.issued_by', 'like', 'user:%').onRef('usr.username', '=', (eb) => eb.fn('substr', [eb.ref('a.issued_by'), eb.lit(6)])))
    .select(['a.reason', 'a.new_due_on', 'a.issued_at', 'a.issued_by', 'usr.display_name'])
    .where('a.dossier_id', '=', row.id)
    .orderBy('a.issued_at')
    .orderBy('a.id')
    .execute()
  const ecert = await ecertEntriesOfDossier(db, row.id)
  const signatures = await signaturesOfFiles(db, [
    ...components.flatMap((c) => (c.file_id === null ? [] : [String(c.file_id)])), ...(result?.file_id ? [String(result.file_id)] : []), ...ecert.map((e) => String(e.copy_file_id)),
  ])
  const status = row.status as DossierStatus
  let allowed = allowedNextEvents(status)
  try {
    const state = replayDossier(historyOf(events))
    allowed = stepsOffered(state, { actor: viewer.actor ?? '', role: viewer.role ?? null, sides: sidesActedFor(row, viewer.unitIds) })
  } catch {
    // A history the rules would refuse today (an old import) still shows; the table alone decides.
  }
  return {
    ...summary(row, viewer, now),
    applicant_address: row.applicant_address,
    components: components.map((c) => ({
      position: c.position, name: c.name, required: c.required, received: c.received, digitized: c.digitized, digitized_at: c.digitized_at, file: fileOf(c, signatures),
    })),
    result_file: result ? fileOf(result, signatures) : null,
    may_apologize: mayApologize({ status, dueAt: row.due_at, finishedAt: row.finished_at }, now),
    apologies: apologies.map((a) => ({ reason: a.reason, new_due_on: a.new_due_on, issued_at: a.issued_at, issued_by: a.issued_by, issued_by_name: a.display_name })),
    flags: Object.fromEntries(DOSSIER_FLAG_COLUMNS.map((c) => [c, row[c]])) as Record<DossierFlagColumn, boolean | null>,
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: DOSSIER_EVENT_LABELS[e.type as DossierEventType] ?? e.type,
      at: e.at,
      actor: e.actor,
      actor_name: e.display_name,
      reason: e.reason,
      status_after: e.status_after,
      status_after_label: DOSSIER_STATUS_LABELS[e.status_after as DossierStatus] ?? e.status_after,
      ...assignmentOf(e.data),
    })),
    allowed_next_events: allowed.map((type) => ({ type, label: DOSSIER_EVENT_LABELS[type], reason_required: TRANSITIONS[type].reasonRequired })),
    ecert_copies: ecert.map((e) => ({
      number: e.number, year: e.year, label: certificationNumberLabel(e.number, e.year), document_name: e.document_name, copies: e.copies, fee_vnd: Number(e.fee_vnd),
      signer_name: e.signer_name, certified_at: e.certified_at, copy_signature: signatures.get(String(e.copy_file_id)) ?? null,
    })),
  }
}
