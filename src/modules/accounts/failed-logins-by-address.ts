import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** Failed logins from one address within the window that stop that address, whatever the name. */
export const MAX_FAILED_LOGINS_PER_ADDRESS = 20
export const ADDRESS_WINDOW_MINUTES = 10

/** The audit actions that are a wrong name or password (a refusal of a locked name is not). */
export const FAILED_LOGIN_ACTIONS = ['user.login_failed', 'user.locked'] as const

/**
 * Guessing across many names from one address is slowed as well as guessing one name: the
 * failures are read from the audit log (index of migration 032), so every server on the
 * database counts the same ones, over a window that slides with the clock. Only failures count
 * — an office of twenty behind one address logging in each morning locks nobody out.
 */
export async function refuseAddressAfterFailures(db: Kysely<Database>, ip: string | null, now: Date): Promise<void> {
  if (ip === null) return
  const windowMs = ADDRESS_WINDOW_MINUTES * 60_000
  // The failure that makes the limit: while it is in the window, the address is stopped.
  const limiting = await db
    .selectFrom('audit_log')
    .select('at')
    .where('ip', '=', ip)
    .where('action', 'in', FAILED_LOGIN_ACTIONS)
    .where('at', '>', new Date(now.getTime() - windowMs))
    .orderBy('at', 'desc')
    .offset(MAX_FAILED_LOGINS_PER_ADDRESS - 1)
    .limit(1)
    .executeTakeFirst()
  if (!limiting) return
  const minutes = Math.max(1, Math.ceil((new Date(limiting.at).getTime() + windowMs - now.getTime()) / 60_000))
  throw new AppError(ErrorCode.locked, `too many failed logins from ${ip}`, `Đăng nhập sai quá nhiều lần từ địa chỉ này; thử lại sau ${minutes} phút`)
}

