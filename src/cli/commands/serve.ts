import { join } from 'node:path'
import { buildServer } from '../../http/build-server.js'
import { appendAuditAnchor } from '../../modules/audit/audit-anchors.js'
import { serveBackups } from '../../modules/backup/backup-socket.js'
import { configuredTransports } from '../../modules/notifications/configured-transports.js'
import { startOutboxWorker } from '../../modules/notifications/outbox-worker.js'
import { startTaskTimer } from '../../modules/directives/task-timer.js'
import { describeDemoAccounts, isEmptyDatabase, seedDemo } from '../../modules/demo/seed-demo.js'
import type { DatabaseHandle } from '../../db/open-database.js'
import type { DemoSeeding } from '../../http/routes/health.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

export const serveCommand: Command = {
  name: 'serve',
  usage: 'cli -- serve [--port N] [--host ADDRESS] [--no-demo] [--data DIR]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' } }, this.usage)
    const port = values.port === undefined ? context.config.port : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`Cổng không hợp lệ: ${values.port}`, this.usage)
    const handle = await context.database()
    // A fresh install listens first and loads the demo behind it: the page answers in seconds
    // and says the demo is loading (/api/health: demo "loading") instead of waiting minutes.
    let demoSeeding: DemoSeeding | null = !values['no-demo'] && (await isEmptyDatabase(handle)) ? 'loading' : null
    const { trustProxy, secureCookies } = context.config
    const app = await buildServer(handle, { logger: false, filesDir: join(context.config.dataDir, 'files'), trustProxy, secureCookies, demoSeeding: () => demoSeeding })
    // The chain's head goes to the anchor file outside the database while it runs (and at the end).
    const anchors = context.auditAnchors()
    const anchorTimer = setInterval(() => {
      appendAuditAnchor(handle.db, anchors).catch((error: unknown) => context.stderr(`Cảnh báo: không ghi được mốc neo nhật ký (${error instanceof Error ? error.message : String(error)})`))
    }, context.config.auditAnchorSeconds * 1000)
    anchorTimer.unref()
    app.addHook('onClose', async () => clearInterval(anchorTimer))
    // E-mail and SMS written to the outbox by committed changes go out while the server runs.
    const outbox = startOutboxWorker(handle.db, configuredTransports(context.config), context.config.outboxSeconds, (error) =>
      context.stderr(`Cảnh báo: gửi thư/tin nhắn trong hộp thư đi không thành công (${error instanceof Error ? error.message : String(error)})`),
    )
    app.addHook('onClose', async () => outbox.stop())
    // Recurring tasks' occurrences and deadline reminders (into the outbox), hourly.
    const tasks = startTaskTimer(handle.db, 3600, (error) => context.stderr(`Cảnh báo: không tạo được nhắc hạn nhiệm vụ (${error instanceof Error ? error.message : String(error)})`))
    app.addHook('onClose', async () => tasks.stop())
    // The embedded database is this process's alone: `cli -- backup` gets its backup from here.
    if (handle.kind === 'pglite') {
      const filesDir = join(context.config.dataDir, 'files')
      const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
      // Without the socket (a folder path too long for one, say) the server still serves; only backups wait for it to stop.
      const backups = await serveBackups(handle, context.config.dataDir, filesDir, (error) => context.stderr(`Sao lưu thất bại: ${message(error)}`)).catch((error: unknown) => {
        context.stderr(`Cảnh báo: không mở được cổng sao lưu trong ${context.config.dataDir} (${message(error)}); cli -- backup chỉ chạy được khi máy chủ dừng.`)
        return null
      })
      if (backups) app.addHook('onClose', async () => new Promise<void>((resolve) => backups.close(() => resolve())))
    }
    const address = await app.listen({ port, host: values.host ?? context.config.host })
    context.stderr(`motcua đang chạy tại ${address} (cơ sở dữ liệu ${handle.kind}: ${handle.location}). Nhấn Ctrl+C để dừng.`)
    const seeding =
      demoSeeding === 'loading'
        ? seedInBackground(handle, context.stderr, context.config.demoWithoutDirectives).then((ok) => {
            demoSeeding = ok ? null : 'failed'
          })
        : Promise.resolve()
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        context.stderr(demoSeeding === 'loading' ? 'Đang dừng máy chủ: chờ nạp xong dữ liệu mẫu rồi đóng cơ sở dữ liệu…' : 'Đang dừng máy chủ…')
        // A stop during the demo's loading lets its transaction end before the database closes.
        void seeding.then(() => app.close()).then(() => resolve())
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    return 0
  },
}

/** Loads the demo district; false (and the reason on stderr) when it fails. */
async function seedInBackground(handle: DatabaseHandle, say: (line: string) => void, withoutDirectives: boolean): Promise<boolean> {
  say('Lần chạy đầu tiên: đang nạp dữ liệu mẫu huyện Tứ Kỳ (trang web đã mở, sẽ báo khi xong)…')
  try {
    const seeded = await seedDemo(handle, { withoutDirectives })
    say(`Đã nạp ${seeded.units} đơn vị, ${seeded.procedures} thủ tục, ${seeded.dossiers.toLocaleString('vi-VN')} hồ sơ.`)
    if (seeded.accounts.length > 0) say(describeDemoAccounts(seeded))
    return true
  } catch (error) {
    say(`Nạp dữ liệu mẫu không thành công: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}
