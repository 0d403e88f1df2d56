import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { mayReceiveHandOver } from './hand-over-options.js'

/** What the officer chose: a specialist by user name, a unit by code, or both. */
export interface HandOverChoice {
  assignee?: string | undefined
  unit?: string | undefined
}

export interface HandOverTarget {
  assignee: { userId: number; username: string } | null
  assignedUnit: { id: number; code: string }
}

/**
 * Turns the choice into the unit and person a hand-over names. The person is an active account
 * with the specialist role at that unit (by default the specialist's own unit); with no person,
 * the unit (by default the deciding unit) assigns one later. A unit out of reach is answered as
 * unknown.
 */
export async function resolveHandOver(
  db: Kysely<Database>,
  dossier: { deciding_unit_id: number },
  choice: HandOverChoice,
  actorUnitIds: ReadonlySet<number>,
): Promise<HandOverTarget> {
  const person = choice.assignee
    ? await db.selectFrom('users as s').innerJoin('units as u', 'u.id', 's.unit_id')
        .select(['s.id', 's.username', 's.role', 's.active', 's.unit_id', 'u.code as unit_code'])
        .where('s.username', '=', choice.assignee).executeTakeFirst()
    : undefined
  const unit = choice.unit
    ? await db.selectFrom('units').select(['id', 'code']).where('code', '=', choice.unit).executeTakeFirst()
    : person
      ? { id: person.unit_id, code: person.unit_code }
      : await db.selectFrom('units').select(['id', 'code']).where('id', '=', dossier.deciding_unit_id).executeTakeFirst()
  if (!unit || !mayReceiveHandOver(unit.id, dossier, actorUnitIds)) {
    const code = choice.unit ?? person?.unit_code ?? ''
    throw new AppError(ErrorCode.notFound, `unit ${code} out of reach for a hand-over`, `Không có đơn vị với mã ${code} trong phạm vi được chuyển hồ sơ`)
  }
  if (choice.assignee === undefined) return { assignee: null, assignedUnit: unit }
  if (!person || !person.active || person.role !== 'specialist' || person.unit_id !== unit.id) {
    throw new AppError(
      ErrorCode.validation,
      `${choice.assignee} is not an active specialist of ${unit.code}`,
      `Tài khoản "${choice.assignee}" không phải chuyên viên xử lý đang hoạt động của đơn vị ${unit.code}`,
      [{ column: 'assignee', value: choice.assignee, reason: 'không phải chuyên viên của đơn vị nhận hồ sơ' }],
    )
  }
  return { assignee: { userId: person.id, username: person.username }, assignedUnit: unit }
}
