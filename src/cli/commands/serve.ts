import { join } from 'node:path'
import { buildServer } from '../../http/build-server.js'
import { appendAuditAnchor } from '../../modules/audit/audit-anchors.js'
import { serveBackups } from '../../modules/backup/backup-socket.js'
import { configuredTransports } from '../../modules/notifications/configured-transports.js'
import { startOutboxWorker } from '../../modules/notifications/outbox-worker.js'
import { configuredPayments, paymentSettingsOf } from '../../modules/portal/payments/configured-gateway.js'
import { reconcilePayments } from '../../modules/portal/payments/reconcile-payments.js'
import { startTaskTimer } from '../../modules/directives/task-timer.js'
import { describeDemoAccounts, isEmptyDatabase, seedDemo } from '../../modules/demo/seed-demo.js'
import { warmUpFigures } from '../../modules/warm-up/warm-up-figures.js'
import type { DatabaseHandle } from '../../db/open-database.js'
import { FileStore } from '../../modules/desk/file-store.js'
import { OcrWorker } from '../../modules/ocr/ocr-worker.js'
import { tesseractEngine } from '../../modules/ocr/tesseract-engine.js'
import type { DemoSeeding } from '../../http/routes/health.js'
import { loadSigningKey } from '../../modules/signatures/signing-key.js'
import { defaultTrustAnchorPaths, loadTrustAnchors } from '../../modules/signatures/trust-anchors.js'
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
    const signatures = {
      anchors: loadTrustAnchors(defaultTrustAnchorPaths(context.config.dataDir, context.config.trustAnchors)),
      sealingKey: loadSigningKey(context.config.dataDir, context.config.signingKey),
    }
    const payments = configuredPayments(paymentSettingsOf(context.config))
    const app = await buildServer(handle, {
      logger: false, filesDir: join(context.config.dataDir, 'files'), trustProxy, secureCookies, publicBaseUrl: context.config.publicBaseUrl, signatures, demoSeeding: () => demoSeeding,
      portal: {
        publicBaseUrl: context.config.publicBaseUrl ?? `http://localhost:${port}`,
        ...(context.config.portalSecret ? { secret: context.config.portalSecret } : {}),
        payments,
        ...(context.config.oidcIssuer && context.config.oidcClientId && context.config.oidcClientSecret
          ? { oidc: { issuer: context.config.oidcIssuer, clientId: context.config.oidcClientId, clientSecret: context.config.oidcClientSecret } }
          : {}),
      },
    })
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
    // Scans are read (OCR) in the background: uploads only queue them.
    const ocr = new OcrWorker(handle.db, new FileStore(join(context.config.dataDir, 'files')), tesseractEngine(), {
      onError: (error) => context.stderr(`Cảnh báo: đọc văn bản (OCR) gặp lỗi: ${error instanceof Error ? error.message : String(error)}`),
    })
    ocr.start()
    app.addHook('onClose', async () => ocr.stop())
    // Payments whose IPN never came, and refunds of refused dossiers, every five minutes.
    if (payments.gateway) {
      const gateway = payments.gateway
      const publicBaseUrl = context.config.publicBaseUrl ?? `http://localhost:${port}`
      const reconciler = setInterval(() => {
        reconcilePayments(handle.db, gateway, { publicBaseUrl }).catch((error: unknown) =>
          context.stderr(`Cảnh báo: đối soát thanh toán không thành công (${error instanceof Error ? error.message : String(error)})`))
      }, 5 * 60_000)
      reconciler.unref()
      app.addHook('onClose', async () => clearInterval(reconciler))
    }
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
        ? seedInBackground(handle, context.stderr, context.config.demoWithoutDirectives, join(context.config.dataDir, 'files')).then((ok) => {
            demoSeeding = ok ? null : 'failed'
          })
        : Promise.resolve()
    // Once the data is there, the engine is warmed before leaders ask (warm-up-figures.ts); a stop cuts it short.
    const warming = new AbortController()
    const warmedUp = seeding.then(async () => {
      if (demoSeeding === 'failed' || warming.signal.aborted) return
      const started = performance.now()
      await warmUpFigures(handle.db, warming.signal)
        .then(() => context.stderr(`Đã khởi động sẵn bộ tính chỉ số (${Math.round(performance.now() - started).toLocaleString('vi-VN')} ms).`))
        .catch((error: unknown) => {
          if (!warming.signal.aborted) context.stderr(`Cảnh báo: khởi động sẵn bộ tính chỉ số không thành công (${error instanceof Error ? error.message : String(error)})`)
        })
    })
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        context.stderr(demoSeeding === 'loading' ? 'Đang dừng máy chủ: chờ nạp xong dữ liệu mẫu rồi đóng cơ sở dữ liệu…' : 'Đang dừng máy chủ…')
        warming.abort()
        // A stop during the demo's loading lets its transaction end before the database closes.
        void seeding.then(() => warmedUp).then(() => app.close()).then(() => resolve())
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    return 0
  },
}

/** Loads the demo district; false (and the reason on stderr) when it fails. */
async function seedInBackground(handle: DatabaseHandle, say: (line: string) => void, withoutDirectives: boolean, filesDir: string): Promise<boolean> {
  say('Lần chạy đầu tiên: đang nạp dữ liệu mẫu huyện Tứ Kỳ (trang web đã mở, sẽ báo khi xong)…')
  try {
    const seeded = await seedDemo(handle, { withoutDirectives, filesDir })
    say(`Đã nạp ${seeded.units} đơn vị, ${seeded.procedures} thủ tục, ${seeded.dossiers.toLocaleString('vi-VN')} hồ sơ.`)
    if (seeded.accounts.length > 0) say(describeDemoAccounts(seeded))
    return true
  } catch (error) {
    say(`Nạp dữ liệu mẫu không thành công: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}
