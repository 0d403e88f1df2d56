import { join } from 'node:path'
import { readBackup } from '../../modules/backup/backup-format.js'
import { restoreBackup } from '../../modules/backup/restore-backup.js'
import { verifyAuditChain } from '../../modules/audit/verify-audit-chain.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = 'cli -- restore TỆP --data DIR (thư mục mới) | DATABASE_URL=… cli -- restore TỆP (cơ sở dữ liệu trống)'

export const restoreCommand: Command = {
  name: 'restore',
  usage: USAGE,
  async run(args, context) {
    const { positionals } = parseCommandArgs(args, {}, USAGE)
    const [file, ...rest] = positionals
    if (!file || rest.length > 0) throw usageError('Cần đúng một tệp sao lưu', USAGE)
    const backup = await readBackup(file)
    // Migrated by the restore: to the backup's level, then on past it once its rows are in.
    const handle = await context.database({ migrate: false })
    const restored = await restoreBackup(handle, backup, join(context.config.dataDir, 'files'), context.actor)
    const verified = await verifyAuditChain(handle.db)
    context.stderr(
      `Đã khôi phục ${restored.tables} bảng và ${restored.files} tệp số hóa từ ${file} vào ${handle.location}; nhật ký ${verified.rows.toLocaleString('vi-VN')} dòng, ${verified.ok ? 'chuỗi băm liền mạch' : 'CHUỖI BĂM BỊ ĐỨT'}.`,
    )
    return verified.ok ? 0 : 1
  },
}
