import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  hashOneTimeCode, newOneTimeCode, normalisePhone, OTP_MAX_ATTEMPTS, OTP_PER_PHONE, OTP_PHONE_WINDOW_MS, OTP_TTL_MS, sameHash,
} from './one-time-code.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { TooManyRequestsError } from '../../domain/shared/too-many-requests.js'
import { waitInWords } from '../../domain/throttles/fixed-window.js'
import { enqueueMessage } from '../notifications/enqueue-message.js'
import { auditPortalLogin } from './portal-login-audit.js'
import { openPortalSession } from './portal-sessions.js'

export function phoneOrError(raw: string): string {
  const phone = normalisePhone(raw)
  if (!phone) throw new AppError(ErrorCode.validation, `bad phone ${raw}`, 'Số điện thoại không hợp lệ (cần 10 chữ số, bắt đầu bằng 0 hoặc +84)', [{ column: 'phone', value: raw, reason: 'không hợp lệ' }])
  return phone
}

/**
 * Sends a one-time code by SMS through the outbox: the code itself is never stored, only its
 * hash; a phone gets at most OTP_PER_PHONE codes in OTP_PHONE_WINDOW_MS (429 beyond).
 */
export async function requestOneTimeCode(db: Kysely<Database>, rawPhone: string, secret: string, now = new Date()): Promise<{ expiresAt: Date }> {
  const phone = phoneOrError(rawPhone)
  const code = newOneTimeCode()
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS)
  return db.transaction().execute(async (trx) => {
    // One phone's requests are taken in turn, so two at once cannot both slip under the limit.
    await sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`.execute(trx)
    const { recent, oldest } = await trx
      .selectFrom('portal_otps')
      .select((eb) => [eb.fn.countAll<number>().as('recent'), eb.fn.min('created_at').as('oldest')])
      .where('phone', '=', phone)
      .where('created_at', '>', new Date(now.getTime() - OTP_PHONE_WINDOW_MS))
      .executeTakeFirstOrThrow()
    if (Number(recent) >= OTP_PER_PHONE) {
      // The phone may ask again when its oldest code of the window leaves it.
      const seconds = (new Date(oldest ?? now).getTime() + OTP_PHONE_WINDOW_MS - now.getTime()) / 1000
      throw new TooManyRequestsError('too many codes for this phone', `Đã gửi quá nhiều mã cho số điện thoại này; hãy thử lại sau ${waitInWords(Math.max(1, Math.ceil(seconds)))}`, seconds)
    }
    const row = await trx
      .insertInto('portal_otps')
      .values({ phone, code_hash: hashOneTimeCode(phone, code, secret), expires_at: expiresAt, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    // Codes a day old are of no use to anyone: swept as new ones are made.
    await trx.deleteFrom('portal_otps').where('created_at', '<', new Date(now.getTime() - 24 * 3600_000)).execute()
    await enqueueMessage(trx, {
      channel: 'sms', recipient: phone, topic: 'portal.otp', dedupeKey: `portal.otp:${row.id}`,
      body: `Mã xác thực Cổng dịch vụ công: ${code}. Mã có hiệu lực 5 phút. Không cung cấp mã này cho bất kỳ ai.`,
    })
    return { expiresAt }
  })
}

/**
 * Checks a code against the phone's latest unused one: a wrong code counts an attempt (five
 * at most), an expired or used code is refused; the right one is used up and opens a session.
 */
export async function verifyOneTimeCode(db: Kysely<Database>, rawPhone: string, code: string, secret: string, ip: string | null, now = new Date()) {
  const phone = phoneOrError(rawPhone)
  const outcome = await db.transaction().execute(async (trx) => {
    const decided = await checkCode(trx, phone, code, secret, now)
    // Success and failure alike: a citizen's access can be traced back to the login that opened it.
    const failed = typeof decided === 'string'
    await auditPortalLogin(trx, { method: 'otp', phone, oidcSubject: null, ip, failure: failed ? decided : null, ...(failed ? {} : { sessionRef: decided.sessionRef }) })
    return decided
  })
  if (outcome === 'expired') throw new AppError(ErrorCode.validation, 'no valid code', 'Mã OTP đã hết hạn hoặc chưa được gửi; hãy nhận mã mới')
  if (outcome === 'exhausted') throw new AppError(ErrorCode.tooManyRequests, 'code attempts exhausted', 'Nhập sai mã quá 5 lần; hãy nhận mã mới')
  if (outcome === 'wrong') throw new AppError(ErrorCode.validation, 'wrong code', 'Mã OTP không đúng', [{ column: 'code', reason: 'không đúng' }])
  return { ...outcome, phone }
}

/** The code against the phone's latest unused one, in the caller's transaction: a session, or why not. */
async function checkCode(trx: Transaction<Database>, phone: string, code: string, secret: string, now: Date) {
  const otp = await trx
    .selectFrom('portal_otps')
    .select(['id', 'code_hash', 'expires_at', 'attempts'])
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
  if (!otp || new Date(otp.expires_at).getTime() <= now.getTime()) return 'expired' as const
  if (otp.attempts >= OTP_MAX_ATTEMPTS) return 'exhausted' as const
  if (!sameHash(otp.code_hash, hashOneTimeCode(phone, code, secret))) {
    await trx.updateTable('portal_otps').set({ attempts: otp.attempts + 1 }).where('id', '=', otp.id).execute()
    return otp.attempts + 1 >= OTP_MAX_ATTEMPTS ? ('exhausted' as const) : ('wrong' as const)
  }
  await trx.updateTable('portal_otps').set({ used_at: now }).where('id', '=', otp.id).execute()
  return openPortalSession(trx, { phone, oidcSubject: null, fullName: null }, now)
}
