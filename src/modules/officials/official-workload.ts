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
  // Two grouped passes (the events of the period by actor, the results of the period by assignee),
  // joined to the accounts: one scan each however many officials the unit has.
  const byActor = db
    .selectFrom('dossier_events as e')
    .innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
    .where('e.type', 'in', ['receive', 'approve'])
    .where('e.at', '>=', start)
    .where('e.at', '<', end)
    .select([
      'e.actor',
      sql<number>`count(*) filter (where e.type = 'receive')`.as('received'),
      sql<number>`count(*) filter (where e.type = 'receive' and d.components_total > 0 and d.components_digitized = d.components_total)`.as('digitized'),
      sql<number>`count(*) filter (where e.type = 'approve')`.as('approved'),
    ])
    .groupBy('e.actor')
  const byAssignee = db
    .selectFrom('dossiers as d')
    .where('d.assignee_user_id', 'is not', null)
    .where('d.status', 'in', ['finished', 'returned'])
    .where('d.finished_at', '>=', start)
    .where('d.finished_at', '<', end)
    .select([
      'd.assignee_user_id',
      sql<number>`count(*)`.as('handled'),
      sql<number>`count(*) filter (where d.due_at is not null and d.finished_at > d.due_at)`.as('late'),
      sql<number>`count(*) filter (where d.rating is not null)`.as('rated'),
    ])
    .groupBy('d.assignee_user_id')
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('units as un', 'un.id', 'u.unit_id')
    .leftJoin(byActor.as('ev'), (join) => join.on(sql<boolean>`ev.actor = 'user:' || u.username`))
    .leftJoin(byAssignee.as('h'), 'h.assignee_user_id', 'u.id')
    .where('u.unit_id', 'in', request.unitIds.length > 0 ? request.unitIds : [-1])
    .where('u.role', 'in', [...WORKLOAD_ROLES])
    .select([
      'u.username', 'u.display_name', 'u.role', 'u.active', 'un.code as unit_code', 'un.name as unit_name',
      'ev.received', 'ev.digitized', 'ev.approved', 'h.handled', 'h.late', 'h.rated',
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
      received: Number(r.received ?? 0),
      digitized: Number(r.digitized ?? 0),
      handled: Number(r.handled ?? 0),
      late: Number(r.late ?? 0),
      rated: Number(r.rated ?? 0),
      approved: Number(r.approved ?? 0),
    })),
  }
}
export type OfficialWorkload = Awaited<ReturnType<typeof readOfficialWorkload>>
