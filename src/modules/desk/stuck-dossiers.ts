import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../domain/dossiers/dossier-status.js'
import { STUCK_AFTER_WORKING_DAYS, STUCK_STATUSES, workingDaysSilent } from '../../domain/dossiers/stuck-dossier.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'

/**
 * The units' stuck dossiers: in their hands with no step for STUCK_AFTER_WORKING_DAYS working
 * days, the longest silent first, each with the official who took its last step (the one
 * holding it), at most STUCK_LIST_LIMIT. Dossiers whose last step is more recent than that many
 * calendar days cannot be stuck and are not read.
 */
/** At most this many are listed. */
export const STUCK_LIST_LIMIT = 500

export async function listStuckDossiers(db: Kysely<Database>, unitIds: readonly number[], now = new Date()) {
  if (unitIds.length === 0) return []
  const calendar = await loadWorkingCalendar(db)
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .innerJoinLateral(
      (eb) => eb.selectFrom('dossier_events as e').select(['e.at', 'e.actor', 'e.type']).whereRef('e.dossier_id', '=', 'd.id').orderBy('e.seq', 'desc').limit(1).as('last'),
      (join) => join.onTrue(),
    )
    .select(['d.code', 'd.status', 'd.channel', 'd.due_at', 'u.code as unit_code', 'u.name as unit_name', 'pv.name as procedure_name', 'last.at as last_step_at', 'last.actor as holder', 'last.type as last_step'])
    .where('d.receiving_unit_id', 'in', [...unitIds])
    .where('d.status', 'in', [...STUCK_STATUSES])
    .where('last.at', '<', sql<Date>`${now}::timestamptz - make_interval(days => ${STUCK_AFTER_WORKING_DAYS})`)
    // The longest silent first; a province with thousands stuck needs the worst, not all of them at once.
    .orderBy('last.at')
    .limit(STUCK_LIST_LIMIT)
    .execute()
  return rows
    .map((r) => ({
      code: r.code,
      unit_code: r.unit_code,
      unit_name: r.unit_name,
      procedure_name: r.procedure_name,
      channel: r.channel,
      status: r.status,
      status_label: DOSSIER_STATUS_LABELS[r.status as DossierStatus],
      due_at: r.due_at,
      last_step: r.last_step,
      last_step_at: new Date(r.last_step_at),
      holder: r.holder,
      working_days_silent: workingDaysSilent(calendar, new Date(r.last_step_at), now),
    }))
    .filter((r) => r.working_days_silent >= STUCK_AFTER_WORKING_DAYS)
    .sort((a, b) => b.working_days_silent - a.working_days_silent || a.code.localeCompare(b.code))
}
