import { isAppError } from '../domain/shared/app-error.js'
import { createCliContext } from './cli-context.js'
import type { Command } from './command.js'
import { calendarCommand } from './commands/calendar.js'
import { exportCommand } from './commands/export.js'
import { importCommand } from './commands/import.js'
import { migrateCommand } from './commands/migrate.js'
import { seedCommand } from './commands/seed.js'
import { serveCommand } from './commands/serve.js'

const COMMANDS: readonly Command[] = [serveCommand, migrateCommand, seedCommand, importCommand, exportCommand, calendarCommand]

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

/** `--data DIR` may stand anywhere on the line; it is read before the command runs. */
function findDataDir(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--data') return args[i + 1]
    if (arg.startsWith('--data=')) return arg.slice('--data='.length)
  }
  return undefined
}

function userMessageOf(error: unknown): string | null {
  if (isAppError(error)) return error.userMessage
  if (error instanceof Error && 'userMessage' in error && typeof error.userMessage === 'string') return error.userMessage
  return null
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`)
    return name === undefined ? EXIT_USAGE : 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`Lệnh không hợp lệ: ${name}\n\n${help()}\n`)
    return EXIT_USAGE
  }
  const { context, close } = createCliContext(findDataDir(args))
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
