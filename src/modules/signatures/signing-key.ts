import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

export const SIGNING_KEY_FILE = 'signing-credentials.key'
const MIN_KEY_LENGTH = 32

/**
 * The key that seals the PKCS#12 credentials held in the database, kept outside it (as the audit
 * anchor key is): `MOTCUA_SIGNING_KEY` when set, otherwise `<data>/signing-credentials.key`, made on
 * first use (32 random bytes, hex, mode 0600). A copy of the database alone cannot sign.
 */
export function loadSigningKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_KEY_LENGTH) {
      throw new AppError(ErrorCode.validation, 'MOTCUA_SIGNING_KEY too short', `MOTCUA_SIGNING_KEY phải dài ít nhất ${MIN_KEY_LENGTH} ký tự (ví dụ: openssl rand -hex 32)`)
    }
    return Buffer.from(fromEnv, 'utf8')
  }
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, SIGNING_KEY_FILE)
  if (!existsSync(path)) {
    // Whole under a temporary name, then linked: of two processes starting at once the first link wins.
    const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
    writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 })
    try {
      linkSync(draft, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      unlinkSync(draft)
    }
  }
  const key = readFileSync(path, 'utf8').trim()
  if (key.length < MIN_KEY_LENGTH) {
    throw new AppError(ErrorCode.validation, `${path} too short`, `Tệp khóa ${path} không hợp lệ (ít nhất ${MIN_KEY_LENGTH} ký tự)`)
  }
  return Buffer.from(key, 'utf8')
}
