import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/* `units reorganise FILE --dry-run` on a commune split between two: how many dossiers go to each. */
const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

describe('units reorganise: a split unit', () => {
  it('the dry run prints how many dossiers go to each successor', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    const dossiers = writeCsv(dir, 'dossiers.csv', [
      DOSSIER_HEADER,
      'S-1,H23.07.01,1.001193,online,2022-09-05T08:00:00,,,,received,2,2,,0,,0,',
      'S-2,H23.07.01,1.001193,online,2022-09-06T08:00:00,,,,received,2,2,,0,,0,',
      'S-3,H23.07.01,1.001193,online,2022-09-07T08:00:00,,,,received,2,2,,0,,0,',
    ])
    expect((await cli('import', 'dossiers', dossiers)).code).toBe(0)
    const file = join(dir, 'chia.json')
    writeFileSync(file, JSON.stringify({
      date: '2025-07-01',
      units: [
        { code: 'H31.A', name: 'Xã Giữ', kind: 'xã', parent_code: 'H23', from: ['H23.07.01'] },
        { code: 'H31.B', name: 'Xã Tách', kind: 'xã', parent_code: 'H23', from: ['H23.07.01'] },
      ],
      dossiers: { 'S-2': 'H31.B' },
    }))
    const dry = await cli('units', 'reorganise', file, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('÷ H23.07.01 chia cho H31.A, H31.B: hồ sơ cũ 2 cho H31.A, 1 cho H31.B')
  })
})
