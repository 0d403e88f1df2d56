import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { MAX_DELIVERY_ATTEMPTS } from '../../src/domain/notifications/outgoing-message.js'
import { deliverDueMessages } from '../../src/modules/notifications/deliver-outbox.js'
import { enqueueMessage } from '../../src/modules/notifications/enqueue-message.js'
import { createSmtpTransport, createSpoolSmsTransport } from '../../src/modules/notifications/message-transports.js'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let sink: SmtpSink
let spoolDir: string

beforeAll(async () => {
  handle = await createTestDatabase()
  sink = await startSmtpSink()
  spoolDir = await mkdtemp(join(tmpdir(), 'motcua-sms-'))
})
afterAll(async () => {
  await sink.close()
  await handle.close()
  await rm(spoolDir, { recursive: true, force: true })
})
beforeEach(async () => {
  await handle.db.deleteFrom('outbox_messages').execute()
  sink.received.length = 0
  sink.refuse(false)
})

const reminder = {
  channel: 'email' as const,
  recipient: 'UBND.AnThanh@tuky.gov.vn',
  subject: 'Nhắc hạn: báo cáo kiểm điểm trước ngày 20/9/2022',
  body: 'UBND xã An Thanh chưa nộp báo cáo kiểm điểm theo Công văn số 1219/UBND-VP.',
  topic: 'task.reminder',
}
const email = () => ({ email: createSmtpTransport(sink.url, 'Văn phòng HĐND và UBND huyện <vanphong@tuky.gov.vn>') })
const makeDue = () => sql`update outbox_messages set next_attempt_at = now() - interval '1 second'`.execute(handle.db)

describe('the outbox', () => {
  it('delivers a reminder by SMTP with its Vietnamese subject intact, once', async () => {
    await handle.db.transaction().execute((trx) => enqueueMessage(trx, reminder))
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 0, retried: 0, failed: 0 })
    expect(sink.received).toEqual([{ to: ['ubnd.anthanh@tuky.gov.vn'], subject: reminder.subject, text: expect.stringContaining('1219/UBND-VP') }])
  })

  it('sends nothing for a change that rolled back', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, reminder)
        throw new Error('the task could not be saved')
      }),
    ).rejects.toThrow()
    await deliverDueMessages(handle.db, email())
    expect(sink.received).toEqual([])
  })

  it('keeps one message for one event told twice', async () => {
    const first = await enqueueMessage(handle.db, { ...reminder, dedupeKey: 'task:7:due-2022-09-20:before' })
    const second = await enqueueMessage(handle.db, { ...reminder, dedupeKey: 'task:7:due-2022-09-20:before' })
    expect(first).not.toBeNull()
    expect(second).toBeNull()
    await deliverDueMessages(handle.db, email())
    expect(sink.received).toHaveLength(1)
  })

  it('retries later, with the reason, when the mail server refuses, and sends when it is back', async () => {
    await enqueueMessage(handle.db, reminder)
    sink.refuse(true)
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 0, retried: 1, failed: 0 })
    const waiting = await handle.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow()
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 })
    expect(waiting.last_error).toMatch(/451/)
    // Not due yet: the next pass does not hammer the server.
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 0, retried: 0, failed: 0 })
    sink.refuse(false)
    await makeDue()
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(sink.received).toHaveLength(1)
  })

  it('gives up after the last attempt and marks the message failed for a person to see', async () => {
    await enqueueMessage(handle.db, reminder)
    sink.refuse(true)
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      await deliverDueMessages(handle.db, email())
      await makeDue()
    }
    expect(await deliverDueMessages(handle.db, email())).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect(await handle.db.selectFrom('outbox_messages').select(['status', 'attempts']).executeTakeFirstOrThrow()).toEqual({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS })
  })

  it('leaves e-mail waiting when no mail server is configured, and spools SMS to a file', async () => {
    await enqueueMessage(handle.db, reminder)
    await enqueueMessage(handle.db, { channel: 'sms', recipient: '0912 345 678', body: 'Hồ sơ H26.31.01-220915-0001 đã có kết quả.', topic: 'dossier.step' })
    const spool = join(spoolDir, 'sms-spool.jsonl')
    expect(await deliverDueMessages(handle.db, { sms: createSpoolSmsTransport(spool) })).toEqual({ sent: 1, retried: 0, failed: 0 })
    const lines = (await readFile(spool, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string })
    expect(lines).toEqual([expect.objectContaining({ to: '0912345678', text: 'Hồ sơ H26.31.01-220915-0001 đã có kết quả.' })])
    expect(await handle.db.selectFrom('outbox_messages').select('status').where('channel', '=', 'email').executeTakeFirstOrThrow()).toEqual({ status: 'pending' })
  })

  it('refuses a recipient that cannot receive, naming it', async () => {
    await expect(enqueueMessage(handle.db, { ...reminder, recipient: 'vanphong@' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/thư điện tử không hợp lệ: "vanphong@"/) })
  })
})
