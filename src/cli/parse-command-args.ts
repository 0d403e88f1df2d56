import { parseArgs, type ParseArgsConfig } from 'node:util'
import { usageError } from './usage-error.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** Parses a command's own arguments; `--data DIR` is accepted anywhere, by every command. */
export function parseCommandArgs<O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options: { ...options, data: { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (error) {
    const message = (error as Error).message
      .replace(/^Unknown option '(.+?)'.*$/s, 'Tùy chọn không hợp lệ: $1')
      .replace(/^Option '(.+?)' argument missing.*$/s, 'Tùy chọn $1 cần một giá trị')
    throw usageError(message, usage)
  }
}
