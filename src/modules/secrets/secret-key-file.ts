import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

const MIN_KEY_LENGTH = 32

/**
 * A secret kept outside the database: the environment variable `envName` when set (at least 32
 * characters, e.g. `openssl rand -hex 32`), otherwise `<data>/<fileName>`, made on first use
 * (32 random bytes, hex, mode 0600). Whoever holds only the database does not hold it.
 */
export function loadSecretKey(dataDir: string, fileName: string, fromEnv: string | undefined, envName: string): Buffer {
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_KEY_LENGTH) {
      throw new AppError(ErrorCode.validation, `${envName} too short`, `${envName} phải dài ít nhất ${MIN_KEY_LENGTH} ký tự (ví dụ: openssl rand -hex 32)`)
    }
    return Buffer.from(fromEnv, 'utf8')
  }
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, fileName)
  if (!existsSync(path)) {
    // Written whole under a temporary name, then linked in place: of two processes starting at once
    // the first link wins, the other's fails (EEXIST) and it reads the winner's whole key, never half.
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
