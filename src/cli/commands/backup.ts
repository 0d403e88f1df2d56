import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, ErrorCode, isAppError } from '../../domain/shared/app-error.js'
import { readBackup } from '../../modules/backup/backup-format.js'
import { backupSocketPath, fetchBackupFromServer } from '../../modules/backup/backup-socket.js'
import { writeBackup } from '../../modules/backup/write-backup.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = 'cli -- backup --out TỆP [--data DIR]'

export const backupCommand: Command = {
  name: 'backup',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, USAGE)
    if (!values.out || positionals.length > 0) throw usageError('Cần --out TỆP (và không có tham số nào khác)', USAGE)
    const out = values.out
    if (existsSync(out)) throw new AppError(ErrorCode.conflict, `${out} exists`, `Tệp ${out} đã có: hãy chọn tên khác (bản sao lưu không ghi đè)`)
    // Written beside the target and renamed once checked: a failed backup never leaves a half file at `out`.
    const partial = `${out}.${randomBytes(6).toString('hex')}.partial`
    try {
      const handle = await context.database().catch((error: unknown) => {
        // The embedded database is held by the running server: it makes the backup for us.
        if (isAppError(error) && error.code === ErrorCode.locked && existsSync(backupSocketPath(context.config.dataDir))) return null
        throw error
      })
      if (handle) await writeBackup(handle, join(context.config.dataDir, 'files'), createWriteStream(partial, { flags: 'wx', mode: 0o600 }), context.actor)
      else await fetchBackupFromServer(context.config.dataDir, partial)
      const written = await readBackup(partial)
      renameSync(partial, out)
      const head = written.header.audit_head
      context.stderr(
        `Đã sao lưu ${written.tables.length} bảng và ${written.files.length} tệp số hóa vào ${out} (nhật ký đến dòng ${head.last_id}, mã băm ${head.last_hash.slice(0, 16)}…)${handle ? '' : ' — do máy chủ đang chạy thực hiện'}.`,
      )
      return 0
    } catch (error) {
      rmSync(partial, { force: true })
      throw error
    }
  },
}
