import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * Issue 11, item 10: every bad line of an import is named — a line whose code repeats an
 * invalid earlier line, a line with bytes that are not UTF-8 at its real number, a line with
 * another number of cells — and with --json the errors go to stdout as JSON.
 */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

interface JsonError {
  line: number
  column?: string
  value?: string
  reason: string
}

function errorsOf(stdout: string): JsonError[] {
  const answer = JSON.parse(stdout) as { ok: boolean; errors: JsonError[] }
  expect(answer.ok).toBe(false)
  return answer.errors
}

function dossierLine(code: string, receivedAt = '2022-09-06T08:00:00'): string {
  return `${code},H23.07.01,1.001193,online,${receivedAt},,,,received,2,1,,0,,0,`
}

/** A line with a Windows-1258 "ư" (0xF9 is not UTF-8 on its own) inside the code. */
function latinLine(code: string): Buffer {
  return Buffer.concat([Buffer.from(`${code}-Tr`), Buffer.from([0xf9]), Buffer.from(`,H23.07.01,1.001193,online,2022-09-06T08:00:00,,,,received,2,1,,0,,0,\n`)])
}

describe('every bad line of an import is named', () => {
  it('units: a code repeating a rejected earlier row is named too, and --json puts the errors on stdout', async () => {
    const units = writeCsv(dir, 'units-bad.csv', [
      'code,name,kind,parent_code',
      'H23,Tỉnh Hải Dương,province,',
      'H23.07,Huyện Tứ Kỳ,vùng,H23',
      'H23.07,Huyện Tứ Kỳ,district,H23',
      'H23.07.01,Xã An Thanh,commune,H23',
    ])
    const result = await cli('import', 'units', units, '--json')
    expect(result.code).toBe(1)
    const errors = errorsOf(result.stdout)
    expect(errors.map((e) => [e.line, e.column])).toEqual([[3, 'kind'], [4, 'code']])
    expect(errors[1]!.reason).toBe('mã trùng với dòng 3')
    expect(result.stderr).toContain('dòng 4, cột code (giá trị "H23.07"): mã trùng với dòng 3')
  })

  it('dossiers: a repeat of a rejected row, a line that is not UTF-8 at its own number far into the file, a short line — all named, nothing written', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    // Enough good lines before the bad ones that they sit beyond the first 64 KiB read.
    const good = Array.from({ length: 1500 }, (_, i) => dossierLine(`OK-${i}`))
    const path = join(dir, 'dossiers-bad.csv')
    const header = [DOSSIER_HEADER, dossierLine('HS-1', '2022-02-30'), dossierLine('HS-1'), ...good]
    const latinAt = header.length + 1
    writeFileSync(path, Buffer.concat([
      Buffer.from(`${header.join('\n')}\n`),
      latinLine('HS-2'),
      Buffer.from(`${dossierLine('HS-3')}\nHS-4,H23.07.01,1.001193\n${dossierLine('HS-5')}\n`),
    ]))
    const result = await cli('import', 'dossiers', path, '--json')
    expect(result.code).toBe(1)
    const errors = errorsOf(result.stdout)
    expect(errors.map((e) => [e.line, e.column ?? null])).toEqual([[2, 'received_at'], [3, 'code'], [latinAt, null], [latinAt + 2, null]])
    expect(errors[1]!.reason).toBe('mã hồ sơ trùng với dòng 2')
    expect(errors[2]!.reason).toContain('UTF-8')
    expect(errors[3]!.reason).toContain('3 cột')
    expect(result.stderr).toContain(`dòng ${latinAt}: dòng có ký tự không phải mã UTF-8`)
    const indicators = JSON.parse((await cli('indicators', '--unit', 'H23.07', '--from', '2022-09-01', '--to', '2022-09-30', '--json')).stdout)
    expect(indicators.rows[0].indicators.received.value).toBe(0)
  })

  it('with --skip-invalid the repeat of a rejected row is rejected too, not imported in its place', async () => {
    const path = writeCsv(dir, 'dossiers-skip.csv', [DOSSIER_HEADER, dossierLine('HS-9', 'hôm qua'), dossierLine('HS-9'), dossierLine('HS-10')])
    const result = await cli('import', 'dossiers', path, '--skip-invalid', '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ inserted: 1, rejected: 2 })
  })
})
