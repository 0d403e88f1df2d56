import { isAppError } from '../domain/shared/app-error.js'
import { createCliContext } from './cli-context.js'
import type { Command } from './command.js'

interface CommandEntry {
  name: string
  summary: string
  /** Loaded on use: `calendar` need not load the web server or the XLSX library. */
  load: () => Promise<Command>
}

const COMMANDS: readonly CommandEntry[] = [
  { name: 'serve', summary: 'Chạy máy chủ web (lần đầu tự nạp dữ liệu mẫu)', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'migrate', summary: 'Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu', load: async () => (await import('./commands/migrate.js')).migrateCommand },
  { name: 'seed', summary: 'Nạp dữ liệu mẫu: tỉnh Hải Dương, huyện Tứ Kỳ và 23 xã, thị trấn', load: async () => (await import('./commands/seed.js')).seedCommand },
  { name: 'import', summary: 'Nhập đơn vị, thủ tục hoặc hồ sơ từ tệp CSV hoặc XLSX', load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'export', summary: 'Xuất hồ sơ ra tệp CSV hoặc XLSX (nhập lại được)', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'indicators', summary: 'Các chỉ số của một đơn vị trong một khoảng thời gian', load: async () => (await import('./commands/indicators.js')).indicatorsCommand },
  { name: 'targets', summary: 'Chỉ tiêu (tỷ lệ tối thiểu) theo văn bản giao: nhập từ tệp, đặt, xem', load: async () => (await import('./commands/targets.js')).targetsCommand },
  { name: 'signers', summary: 'Người ký văn bản của đơn vị (Chủ tịch, Phó Chủ tịch, Chánh Văn phòng…)', load: async () => (await import('./commands/signers.js')).signersCommand },
  { name: 'references', summary: 'Văn bản căn cứ (kế hoạch, quyết định) mà công văn dẫn chiếu, theo năm và chủ đề', load: async () => (await import('./commands/references.js')).referencesCommand },
  { name: 'letters', summary: 'Ghi số, ngày công văn đã ban hành để công văn sau dẫn chiếu', load: async () => (await import('./commands/references.js')).lettersCommand },
  { name: 'index', summary: 'Điểm chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766) của một đơn vị', load: async () => (await import('./commands/index766.js')).index766Command },
  { name: 'report', summary: 'Phụ lục XLSX, báo cáo tuần, báo cáo tháng, dự thảo công văn (DOCX, PDF)', load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'audit', summary: 'Kiểm tra tính toàn vẹn và xem nhật ký thay đổi', load: async () => (await import('./commands/audit.js')).auditCommand },
  { name: 'users', summary: 'Tạo tài khoản cán bộ và mã truy cập cho hệ thống khác', load: async () => (await import('./commands/users.js')).usersCommand },
  { name: 'backup', summary: 'Sao lưu cơ sở dữ liệu và tệp số hóa vào một tệp (kể cả khi máy chủ đang chạy)', load: async () => (await import('./commands/backup.js')).backupCommand },
  { name: 'restore', summary: 'Khôi phục bản sao lưu vào thư mục dữ liệu mới hoặc cơ sở dữ liệu trống', load: async () => (await import('./commands/restore.js')).restoreCommand },
  { name: 'pdf', summary: 'Ký số tệp PDF bằng chứng thư số (PKCS#12) và kiểm tra chữ ký số', load: async () => (await import('./commands/pdf.js')).pdfCommand },
  { name: 'calendar', summary: 'Xem và sửa lịch ngày nghỉ, ngày làm bù; tính ngày hẹn trả', load: async () => (await import('./commands/calendar.js')).calendarCommand },
  { name: 'outbox', summary: 'Hộp thư đi: thư điện tử và tin nhắn SMS đã gửi, đang chờ gửi hoặc gửi không được', load: async () => (await import('./commands/outbox.js')).outboxCommand },
  { name: 'officials', summary: 'Danh sách cán bộ: nhập hàng loạt chứng thư số (thư mục hoặc tệp .zip)', load: async () => (await import('./commands/officials.js')).officialsCommand },
  { name: 'ocr', summary: 'Đọc văn bản (OCR) các bản quét: xem hàng chờ, đọc ngay, đọc lại tệp lỗi', load: async () => (await import('./commands/ocr.js')).ocrCommand },
  { name: 'directives', summary: 'Văn bản chỉ đạo đến, đi và nhiệm vụ giao: xem, nhập từ tệp, ghi công văn đã cấp số', load: async () => (await import('./commands/directives.js')).directivesCommand },
  { name: 'tasks', summary: 'Nhiệm vụ của đơn vị: quá hạn, đến hạn trong tuần, đã nộp; chỉ số hoàn thành', load: async () => (await import('./commands/tasks.js')).tasksCommand },
  { name: 'units', summary: 'Sắp xếp đơn vị hành chính (sáp nhập, giải thể) từ tệp: units reorganise FILE [--dry-run]', load: async () => (await import('./commands/units.js')).unitsCommand },
  { name: 'procedures', summary: 'Mẫu đơn, tờ khai của thủ tục: đính kèm tệp, xem, gỡ (procedures forms add|list|remove)', load: async () => (await import('./commands/procedures.js')).proceduresCommand },
]

/** Exit codes: 0 done, 1 the work failed (bad data, not found…), 2 the command line was wrong. */
const EXIT_FAILED = 1
const EXIT_USAGE = 2

function help(): string {
  return [
    'motcua: Bộ phận Một cửa và chỉ số cải cách hành chính',
    '',
    'Cách dùng: npm run --silent cli -- <lệnh> [tham số] [--data THƯ_MỤC]',
    '(DATABASE_URL=postgres://… để dùng máy chủ PostgreSQL thay cho cơ sở dữ liệu nhúng)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
  ].join('\n')
}

/** `--data DIR` may stand anywhere on the line, before the command too; it is taken out first. */
function takeDataDir(argv: readonly string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = []
  let dataDir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data' && i + 1 < argv.length) dataDir = argv[++i]
    else if (arg.startsWith('--data=')) dataDir = arg.slice('--data='.length)
    else rest.push(arg)
  }
  return { dataDir, rest }
}

function userMessageOf(error: unknown): string | null {
  if (isAppError(error)) return error.userMessage
  if (error instanceof Error && 'userMessage' in error && typeof error.userMessage === 'string') return error.userMessage
  return null
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const { dataDir, rest } = takeDataDir(argv)
  const [name, ...args] = rest
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`)
    return name === undefined ? EXIT_USAGE : 0
  }
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    process.stderr.write(`Lệnh không hợp lệ: ${name}\n\n${help()}\n`)
    return EXIT_USAGE
  }
  const command = await entry.load()
  let cli: ReturnType<typeof createCliContext>
  try {
    cli = createCliContext(dataDir)
  } catch (error) {
    process.stderr.write(`${userMessageOf(error) ?? String(error)}\n`)
    return EXIT_USAGE
  }
  const { context, close } = cli
  // An interrupted command still closes the database cleanly (PGlite checkpoints on close).
  let interrupted = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (command.name === 'serve' || interrupted) return
    interrupted = true
    process.stderr.write(`\nĐã dừng (${signal}); đang đóng cơ sở dữ liệu…\n`)
    void close().finally(() => process.exit(130))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    return await command.run(args, context)
  } catch (error) {
    const message = userMessageOf(error)
    if (message === null) {
      process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
      return EXIT_FAILED
    }
    process.stderr.write(`${message}\n`)
    return isAppError(error) && error.message.startsWith('usage:') ? EXIT_USAGE : EXIT_FAILED
  } finally {
    await close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

const exitCode = await runCli(process.argv.slice(2))
process.exitCode = exitCode
