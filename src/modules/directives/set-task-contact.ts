import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { normaliseRecipient, recipientProblem } from '../../domain/notifications/outgoing-message.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { saveContact } from './tasks.repository.js'

/** The address a unit's task reminders go to; checked as the outbox checks it, audited. */
export async function setTaskContact(db: Kysely<Database>, unit: { id: number; code: string }, email: string, who: { actor: string; ip?: string | null }): Promise<string> {
  const problem = recipientProblem('email', email)
  if (problem) throw new AppError(ErrorCode.validation, `bad address ${email}`, `Địa chỉ nhận nhắc hạn không hợp lệ: ${problem}`, [{ column: 'email', reason: problem }])
  const clean = normaliseRecipient('email', email)
  await db.transaction().execute(async (trx) => {
    await saveContact(trx, unit.id, clean)
    await writeAudit(trx, { actor: who.actor, ip: who.ip ?? null, action: 'task.set_contact', entity: 'unit', entityId: unit.code, summary: { email: clean } })
  })
  return clean
}
