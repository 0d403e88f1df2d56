import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/open-database.js'
import { verifyPassword } from '../../src/modules/accounts/password-hash.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'

/* The administrator's commands read passwords on standard input, never from the command line. */
describe('cli -- users set-password', () => {
  it('sets a forgotten password read from standard input, and refuses a weak one in Vietnamese', async () => {
    const dir = tempDir()
    const data = ['--data', join(dir, 'data')]
    expect((await runCli([...data, 'import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV)])).code).toBe(0)
    const added = await runCli([...data, 'users', 'add', 'nguyen.van.an', '--unit', 'H23.07.01', '--role', 'officer', '--name', 'Nguyễn Văn An'], {}, 'mat-khau-cu-2022\n')
    expect(added.code).toBe(0)

    const weak = await runCli([...data, 'users', 'set-password', 'nguyen.van.an'], {}, 'ngan1\n')
    expect(weak.code).not.toBe(0)
    expect(weak.stderr).toContain('Mật khẩu mới không đạt yêu cầu: mật khẩu phải có ít nhất 10 ký tự')

    const set = await runCli([...data, 'users', 'set-password', 'nguyen.van.an'], {}, 'mat-khau-moi-2026\n')
    expect(set.code).toBe(0)
    expect(set.stderr).toContain('Đã đặt mật khẩu mới cho nguyen.van.an; 0 phiên đăng nhập đã kết thúc.')

    const handle = await openDatabase({ dataDir: join(dir, 'data') })
    try {
      const user = await handle.db.selectFrom('users').select('password_hash').where('username', '=', 'nguyen.van.an').executeTakeFirstOrThrow()
      expect(await verifyPassword('mat-khau-moi-2026', user.password_hash)).toBe(true)
      expect(await verifyPassword('mat-khau-cu-2022', user.password_hash)).toBe(false)
      const resets = await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'user.password_reset').execute()
      expect(resets).toHaveLength(1)
    } finally {
      await handle.close()
    }
  })
})
