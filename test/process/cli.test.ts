import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli, startCli, waitForStderr } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()

describe('the command line', () => {
  it('imports units with --data after the command’s own arguments, a summary on stderr and JSON on stdout', async () => {
    const units = writeCsv(dir, 'units.csv', UNITS_CSV)
    const result = await runCli(['import', 'units', units, '--json', '--data', dataDir], processDatabase.env())
    expect(result.stderr).toContain('thêm mới 4')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'units', inserted: 4 })
    const procedures = await runCli(['--data', dataDir, 'import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV)], processDatabase.env())
    expect(procedures.code).toBe(0)
  })

  it('a bad file exits non-zero with Vietnamese reasons on stderr and, with --json, the errors as JSON on stdout', async () => {
    const bad = writeCsv(dir, 'bad.csv', [DOSSIER_HEADER, 'HS-1,H23.07.01,1.001193,online,2022-02-30,,,,received,1,0,,0,,0,'])
    const result = await runCli(['import', 'dossiers', bad, '--json', '--data', dataDir], processDatabase.env())
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, errors: [{ line: 2, column: 'received_at', value: '2022-02-30', reason: 'ngày không tồn tại' }] })
    expect(result.stderr).toContain('dòng 2, cột received_at (giá trị "2022-02-30"): ngày không tồn tại')
    const plain = await runCli(['import', 'dossiers', bad, '--data', dataDir], processDatabase.env())
    expect(plain.stdout).toBe('')
  })

  it('a wrong command line exits with 2 and says how to use it', async () => {
    expect((await runCli(['frobnicate'], processDatabase.env())).code).toBe(2)
    const wrongKind = await runCli(['import', 'people', 'x.csv', '--data', dataDir], processDatabase.env())
    expect(wrongKind.code).toBe(2)
    expect(wrongKind.stderr).toContain('Cách dùng')
    const unknownOption = await runCli(['import', 'units', 'x.csv', '--force', '--data', dataDir], processDatabase.env())
    expect(unknownOption.code).toBe(2)
    expect(unknownOption.stderr).toContain('--force')
  })

  it('tells the appointment date: received Wednesday 31/8/2022 10:00 with 1 working day is due Monday 5/9/2022 17:00', async () => {
    const result = await runCli(['calendar', 'due', '2022-08-31T10:00', '1', '--data', dataDir], processDatabase.env())
    expect(result.stdout.trim()).toBe('2022-09-05T17:00:00+07:00')
  })

  it('an administrator marks a day off, and due dates follow it', async () => {
    const added = await runCli(['calendar', 'add-holiday', '2022-09-05', '--name', 'Nghỉ đột xuất', '--source', 'Quyết định thử nghiệm', '--data', dataDir], processDatabase.env())
    expect(added.code).toBe(0)
    const due = await runCli(['calendar', 'due', '2022-08-31T10:00', '1', '--data', dataDir], processDatabase.env())
    expect(due.stdout.trim()).toBe('2022-09-06T17:00:00+07:00')
    const shown = await runCli(['calendar', '--year', '2022', '--json', '--data', dataDir], processDatabase.env())
    const year = JSON.parse(shown.stdout) as { origin: string; days: { date: string; name: string }[] }
    expect(year.origin).toBe('edited')
    expect(year.days.find((d) => d.date === '2022-09-05')?.name).toBe('Nghỉ đột xuất')
    expect(year.days.find((d) => d.date === '2022-09-02')?.name).toMatch(/Quốc khánh/)
    await runCli(['calendar', 'reset', '--year', '2022', '--data', dataDir], processDatabase.env())
    const back = await runCli(['calendar', 'due', '2022-08-31T10:00', '1', '--data', dataDir], processDatabase.env())
    expect(back.stdout.trim()).toBe('2022-09-05T17:00:00+07:00')
  })

  it('prints indicators as the JSON of INTERCHANGE.md or a Vietnamese table, and refuses bad periods', async () => {
    const dossiers = writeCsv(dir, 'few.csv', [
      DOSSIER_HEADER,
      'F-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,',
      'F-2,H23.07.01,1.001193,direct,2022-09-06T08:00:00+07:00,,,,received,2,0,,0,,0,',
    ])
    expect((await runCli(['import', 'dossiers', dossiers, '--data', dataDir], processDatabase.env())).code).toBe(0)
    const json = await runCli(['indicators', '--unit', 'H23.07', '--from', '2022-09-05', '--to', '2022-09-09', '--children', '--json', '--data', dataDir], processDatabase.env())
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report).toMatchObject({ from: '2022-09-05', to: '2022-09-09' })
    expect(report.rows[0]).toMatchObject({ unit_code: 'H23.07', unit_name: 'Huyện Tứ Kỳ', scope: 'subtree' })
    expect(report.rows[0].indicators.dossier_digitization_rate).toEqual({ numerator: 1, denominator: 2, value: 50 })
    expect(report.rows[0].indicators.received).toEqual({ value: 2 })
    expect(report.rows[1]).toMatchObject({ scope: 'own' })
    expect(report.rows[1].indicators.online_rate).toEqual({ numerator: 0, denominator: 0, value: null })
    const table = await runCli(['indicators', '--unit', 'H23.07.01', '--from', '2022-09-05', '--to', '2022-09-09', '--data', dataDir], processDatabase.env())
    expect(table.stdout).toContain('Tỷ lệ số hóa đầy đủ thành phần hồ sơ')
    expect(table.stdout).toContain('50% (1/2)')
    expect(table.stdout).toContain('không phát sinh')
    const unknown = await runCli(['indicators', '--unit', 'H99', '--from', '2022-09-05', '--to', '2022-09-09', '--data', dataDir], processDatabase.env())
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('Không có đơn vị với mã H99')
    const reversed = await runCli(['indicators', '--unit', 'H23.07', '--from', '2022-09-09', '--to', '2022-09-05', '--data', dataDir], processDatabase.env())
    expect(reversed.code).toBe(1)
    expect(reversed.stderr).toContain('sau ngày kết thúc')
    const fifty = await runCli(['indicators', '--unit', 'H23.07', '--from', '2000-01-01', '--to', '2050-01-01', '--data', dataDir], processDatabase.env())
    expect(fifty.stderr).toContain('quá dài')
    expect((await runCli(['indicators', '--from', '2022-09-05', '--to', '2022-09-09', '--data', dataDir], processDatabase.env())).code).toBe(2)
    // The cumulative e-certification figure's start: a real date, or a usage error.
    const since = await runCli(['indicators', '--unit', 'H23.07', '--from', '2022-09-05', '--to', '2022-09-09', '--ecert-since', '2022-02-30', '--data', dataDir], processDatabase.env())
    expect(since.code).toBe(2)
    expect(since.stderr).toContain('--ecert-since không hợp lệ: 2022-02-30')
    expect(report.rows[0].indicators.ecert_units_to_date).toEqual({ value: 0 })
  })

  it.skipIf(process.env.DATABASE_URL)('a second process cannot open the same embedded database folder', async () => {
    const server = startCli(['serve', '--port', '0', '--no-demo', '--data', dataDir])
    try {
      await waitForStderr(server, /đang chạy tại/)
      const second = await runCli(['migrate', '--data', dataDir])
      expect(second.code).toBe(1)
      expect(second.stderr).toMatch(/đang được tiến trình \d+ sử dụng/)
    } finally {
      server.kill('SIGTERM')
    }
    const stopped = await server.done
    expect(stopped.code).toBe(0)
    expect((await runCli(['migrate', '--data', dataDir])).code).toBe(0)
  })
})
