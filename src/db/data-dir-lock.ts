import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../domain/shared/app-error.js'

const LOCK_FILE = 'motcua.lock'

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite has no lock of its own, and two processes on one folder lose writes or leave it
 * unopenable. The lock is a file created exclusively, holding the owner's pid; a lock whose
 * owner died is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        rmSync(path, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10)
      if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
        throw new AppError(
          ErrorCode.locked,
          `data folder ${dataDir} is in use by process ${owner}`,
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${owner} sử dụng. Hãy dừng tiến trình đó (hoặc dùng --data khác) rồi thử lại.`,
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new AppError(ErrorCode.locked, `could not lock ${dataDir}`, `Không khóa được thư mục dữ liệu ${dataDir}`)
}
