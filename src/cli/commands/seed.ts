import { join } from 'node:path'
import { describeDemoAccounts, seedDemo } from '../../modules/demo/seed-demo.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

export const seedCommand: Command = {
  name: 'seed',
  usage: 'cli -- seed --demo [--scale N] [--data DIR]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, { demo: { type: 'boolean' }, scale: { type: 'string' } }, this.usage)
    if (!values.demo) throw usageError('Hãy chỉ rõ --demo', this.usage)
    const scale = values.scale === undefined ? 1 : Number(values.scale)
    if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw usageError('--scale phải là số dương, tối đa 100', this.usage)
    const handle = await context.database()
    context.stderr('Đang nạp dữ liệu mẫu…')
    const result = await seedDemo(handle, { scale, filesDir: join(context.config.dataDir, 'files') })
    context.stderr(
      result.inserted === 0
        ? `Dữ liệu mẫu đã có sẵn (${result.units} đơn vị, ${result.procedures} thủ tục, ${result.dossiers.toLocaleString('vi-VN')} hồ sơ): không có gì thay đổi.`
        : `Đã nạp ${result.units} đơn vị, ${result.procedures} thủ tục, ${result.inserted.toLocaleString('vi-VN')} hồ sơ.`,
    )
    if (result.accounts.length > 0) context.stderr(describeDemoAccounts(result))
    return 0
  },
}
