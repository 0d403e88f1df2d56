import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkApology } from '../../domain/dossiers/apology.js'
import type { DossierStatus } from '../../domain/dossiers/dossier-status.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'

export interface ApologyInput {
  reason: string
  newDueOn: LocalDate
  actor: string
  ip?: string | null
}

/**
 * Records the apology letter of a late dossier and the new appointment it gives, with its audit
 * row, in one transaction. The dossier's legal due date stays: it is still late.
 */
export async function recordApology(db: Kysely<Database>, dossierId: string, input: ApologyInput, now = new Date()): Promise<void> {
  const calendar = await loadWorkingCalendar(db)
  await db.transaction().execute(async (trx) => {
    const dossier = await trx.selectFrom('dossiers').select(['code', 'status', 'due_at', 'finished_at']).where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
    checkApology(calendar, { status: dossier.status as DossierStatus, dueAt: dossier.due_at, finishedAt: dossier.finished_at }, input.newDueOn, now)
    await trx.insertInto('dossier_apologies').values({ dossier_id: dossierId, reason: input.reason.trim(), new_due_on: input.newDueOn, issued_by: input.actor }).execute()
    await writeAudit(trx, {
      actor: input.actor, ip: input.ip ?? null, action: 'dossier.apology', entity: 'dossier', entityId: dossier.code,
      summary: { reason: input.reason.trim(), new_due_on: input.newDueOn, due_at: dossier.due_at?.toISOString() ?? null },
    })
  })
}
