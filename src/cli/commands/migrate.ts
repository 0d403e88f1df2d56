import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'cli -- migrate [--data DIR]',
  async run(args, context) {
    parseCommandArgs(args, {}, this.usage)
    const handle = await context.database()
    context.stderr(`Cơ sở dữ liệu đã cập nhật (${handle.kind}: ${handle.location}).`)
    return 0
  },
}
