import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { ROLE_LABELS, type Role } from '../../domain/accounts/role.js'
import { WORKLOAD_ROLES } from '../../domain/accounts/official-workload.js'
import { formatBookDate } from '../../domain/dossiers/tracking-book.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import { startOfVietnamDay } from '../../domain/time/vietnam-time.js'

export interface WorkloadRequest {
  unit: { code: string; name: string }
  unitIds: readonly number[]
  from: LocalDate
  to: LocalDate
}

/**
 * Per official (each account of the desk's roles in the unit's subtree), the counts of
 * WORKLOAD_COUNTS over a period (Vietnam days): received = their `receive` events; digitized =
 * of those dossiers, every component digitized; handled = dossiers assigned to them whose result
 * came in the period; late = of those, after the due time; rated = of those, with a rating;
 * approved = their `approve` events.
 */
export async function readOfficialWorkload(db: Kysely<Database>, request: WorkloadRequest) {
  const start = startOfVietnamDay(request.from)
  const end = startOfVietnamDay(addDays(request.to, 1))
  const actorOf = sql`('user:' || u.username)`
  const handled = sql`from dossiers d where d.assignee_user_id = u.id and d.status in ('finished', 'returned') and d.finished_at >= ${start} and d.finished_at < ${end}`
  const receivedBy = sql`from dossier_events e join dossiers d on d.id = e.dossier_id where e.type = 'receive' and e.actor = ${actorOf} and e.at >= ${start} and e.at < ${end}`
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .where('u.unit_id', 'in', request.unitIds.length > 0 ? request.unitIds : [-1])
    .where('u.role', 'in', [...WORKLOAD_ROLES])
    .select([
      'u.username', 'u.display_name', 'u.role', 'u.active', 'un.code as unit_code', 'un.name as unit_name',
      sql<number>`(select count(*) ${receivedBy})::int`.as('received'),
      sql<number>`(select count(*) ${receivedBy} and d.components_total > 0 and d.components_digitized = d.components_total)::int`.as('digitized'),
      sql<number>`(select count(*) ${handled})::int`.as('handled'),
      sql<number>`(select count(*) ${handled} and d.due_at is not null and d.finished_at > d.due_at)::int`.as('late'),
      sql<number>`(select count(*) ${handled} and d.rating is not null)::int`.as('rated'),
      sql<number>`(select count(*) from dossier_events e where e.type = 'approve' and e.actor = ${actorOf} and e.at >= ${start} and e.at < ${end})::int`.as('approved'),
    ])
    .orderBy('un.code')
    .orderBy('u.display_name')
    .orderBy('u.username')
    .execute()
  return {
    unit: request.unit,
    from: request.from,
    to: request.to,
    period_label: `Từ ngày ${formatBookDate(request.from)} đến ngày ${formatBookDate(request.to)}`,
    rows: rows.map((r, i) => ({
      position: i + 1,
      username: r.username,
      display_name: r.display_name,
      role: r.role,
      role_label: ROLE_LABELS[r.role as Role] ?? r.role,
      active: r.active,
      unit_code: r.unit_code,
      unit_name: r.unit_name,
      received: Number(r.received),
      digitized: Number(r.digitized),
      handled: Number(r.handled),
      late: Number(r.late),
      rated: Number(r.rated),
      approved: Number(r.approved),
    })),
  }
}
export type OfficialWorkload = Awaited<ReturnType<typeof readOfficialWorkload>>
