import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { normaliseRecipient, recipientProblem, type OutgoingMessage } from '../../domain/notifications/outgoing-message.js'

/**
 * Puts a message in the outbox inside the caller's transaction: it is sent only if that
 * transaction commits. A message whose dedupe key is already there is not added again.
 * Returns the message's id, or null when it was a repeat.
 */
export async function enqueueMessage(trx: Transaction<Database> | Kysely<Database>, message: OutgoingMessage): Promise<number | null> {
  const problem = recipientProblem(message.channel, message.recipient)
  if (problem) throw new AppError(ErrorCode.validation, `bad recipient: ${message.recipient}`, `Không gửi được tin nhắn: ${problem}`)
  const row = await trx
    .insertInto('outbox_messages')
    .values({
      channel: message.channel,
      recipient: normaliseRecipient(message.channel, message.recipient),
      subject: message.subject ?? '',
      body: message.body,
      topic: message.topic,
      unit_id: message.unitId ?? null,
      dedupe_key: message.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row ? Number(row.id) : null
}
