import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { CalendarDay, CalendarDayKind } from '../../domain/calendar/calendar-day.js'
import { builtInDaysForYear } from '../../domain/calendar/working-calendar.js'
import { writeAudit } from '../audit/write-audit.js'
import type { LocalDate } from '../../domain/time/local-date.js'

export type CalendarEdit =
  | { action: 'set'; date: LocalDate; kind: CalendarDayKind; name: string; source: string }
  | { action: 'remove'; date: LocalDate }
  | { action: 'reset'; year: number }

/** Where a year's days come from, for display. */
export type YearOrigin = 'edited' | 'official' | 'computed'

/**
 * An administrator's change to one day. The first edit of a year copies that year's
 * built-in days into the database, so the edit is made against what was in force.
 */
export async function editCalendar(db: Kysely<Database>, edit: CalendarEdit, editor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const year = edit.action === 'reset' ? edit.year : Number(edit.date.slice(0, 4))
    const from = `${year}-01-01`
    const to = `${year}-12-31`
    await writeAudit(trx, { actor: editor, action: `calendar.${edit.action}`, entity: 'calendar', entityId: edit.action === 'reset' ? String(edit.year) : edit.date, summary: { ...edit } })
    if (edit.action === 'reset') {
      await trx.deleteFrom('calendar_days').where('date', '>=', from).where('date', '<=', to).execute()
      await trx.deleteFrom('calendar_years').where('year', '=', year).execute()
      return
    }
    const stored = await trx.selectFrom('calendar_years').select('year').where('year', '=', year).executeTakeFirst()
    if (!stored) {
      const builtIn = builtInDaysForYear(year)
      if (builtIn.length > 0) {
        await trx
          .insertInto('calendar_days')
          .values(builtIn.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.source })))
          .onConflict((oc) => oc.column('date').doNothing())
          .execute()
      }
      await trx.insertInto('calendar_years').values({ year, edited_by: editor }).execute()
    } else {
      await trx.updateTable('calendar_years').set({ edited_at: new Date(), edited_by: editor }).where('year', '=', year).execute()
    }
    if (edit.action === 'remove') {
      await trx.deleteFrom('calendar_days').where('date', '=', edit.date).execute()
    } else {
      await trx
        .insertInto('calendar_days')
        .values({ date: edit.date, kind: edit.kind, name: edit.name, source: edit.source })
        .onConflict((oc) => oc.column('date').doUpdateSet({ kind: edit.kind, name: edit.name, source: edit.source }))
        .execute()
    }
  })
}

export async function yearOrigin(db: Kysely<Database>, year: number, hasOfficial: (year: number) => boolean): Promise<YearOrigin> {
  const stored = await db.selectFrom('calendar_years').select('year').where('year', '=', year).executeTakeFirst()
  if (stored) return 'edited'
  return hasOfficial(year) ? 'official' : 'computed'
}

export type { CalendarDay }
