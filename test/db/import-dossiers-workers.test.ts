import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossiers, type DossierImportOptions } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { createTestDatabase } from '../support/test-database.js'

const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }
const opened: DatabaseHandle[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((handle) => handle.close()))
})

async function district(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase()
  opened.push(handle)
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), strict)
  return handle
}

/** A valid dossier row of the two communes, varied by `i`. */
function dossierRow(code: string, i: number): string {
  const received = new Date(Date.UTC(2022, 0, 3, 1, 0) + (i % 400) * 86_400_000 + (i % 9) * 3_600_000).toISOString()
  const done = i % 3 !== 0
  const finished = done ? new Date(Date.parse(received) + (i % 5) * 86_400_000).toISOString() : ''
  const unit = i % 2 === 0 ? 'H23.07.01' : 'H23.07.02'
  const procedure = i % 4 === 0 ? '2.000815' : '1.001193'
  const fee = procedure === '2.000815' ? 2000 : 0
  return `${code},${unit},${procedure},${i % 4 === 1 ? 'online' : 'direct'},${received},,${finished},,${done ? 'finished' : 'processing'},3,${i % 4},${done},${fee},false,${i % 3},${i % 6 === 0 ? 'satisfied' : ''}`
}

interface Built {
  path: string
  /** The file's line (header = 1) of each row put in as bad, by what is wrong with it. */
  lines: Record<'wrapped' | 'unknownUnit' | 'badDate' | 'firstOfCode' | 'repeatOfRefused', number>
}

/**
 * Many rows with a few bad ones far apart: a refused row whose quoted cell spans two lines (so
 * rows and lines differ from there on), an unknown unit, a bad date, and a valid row that
 * repeats the code of a refused one far before it.
 */
function buildFile(name: string, rows: number, newline: '\n' | '\r\n'): Built {
  const lines: string[] = [DOSSIER_HEADER]
  let fileLine = 1
  const at: Partial<Built['lines']> = {}
  const push = (text: string, mark?: keyof Built['lines']) => {
    lines.push(text)
    fileLine += 1 + (text.match(/\r\n|\r|\n/g) ?? []).length
    if (mark) at[mark] = fileLine // a row is named by the line it ends on
  }
  for (let i = 0; i < rows; i++) {
    const code = `HSW-${String(i).padStart(6, '0')}`
    if (i === 150) push(`"${code}${newline}X",H23.07.01,1.001193,direct,2022-03-01T08:00:00+07:00,,,,processing,2,1,false,0,false,0,`, 'wrapped')
    else if (i === 160) push(dossierRow('HSW-REPEATED', i).replace('H23.07.0', 'H99.0'), 'firstOfCode')
    else if (i === Math.floor(rows * 0.8)) push(dossierRow(code, i).replace(/,H23\.07\.0\d,/, ',H23.07.99,'), 'unknownUnit')
    else if (i === rows - 3) push(dossierRow(code, i).replace(/2022-|2023-/, '2022-13-'), 'badDate')
    else if (i === rows - 2) push(dossierRow('HSW-REPEATED', i), 'repeatOfRefused')
    else push(dossierRow(code, i))
  }
  const path = join(dir, name)
  writeFileSync(path, `${lines.join(newline)}${newline}`)
  return { path, lines: at as Built['lines'] }
}

async function everything(handle: DatabaseHandle) {
  const dossiers = await handle.db.selectFrom('dossiers').selectAll().orderBy('id').execute()
  const events = await handle.db.selectFrom('dossier_events').select(['dossier_id', 'seq', 'type', 'at', 'status_after', 'data']).orderBy('id').execute()
  const daily = await handle.db.selectFrom('rollup_daily').selectAll().orderBy(['unit_id', 'day']).execute()
  const monthly = (await sql`select * from rollup_monthly order by unit_id, month`.execute(handle.db)).rows
  return { dossiers: dossiers.map(({ created_at: _c, updated_at: _u, ...d }) => d), events, daily, monthly }
}

// Pieces of 8 KB: a file of a few thousand rows is cut in dozens, shared by the workers.
const inPieces = (workers: number): Partial<DossierImportOptions> => ({ workers, pieceBytes: 8 * 1024 })

describe('importing dossiers with the parsing done by worker threads', () => {
  it('a bad row deep in the file is named by its own line, as reading it row by row does, and nothing is written', async () => {
    const handle = await district()
    const file = buildFile('deep-errors.csv', 1500, '\n')
    const byWorkers = await rejection(importDossiers(handle, file.path, { ...strict, ...inPieces(3) }))
    const rowByRow = await rejection(importDossiers(handle, file.path, { ...strict, workers: 0 }))
    expect(byWorkers.details).toEqual(rowByRow.details)
    const lineOf = (column: string) => byWorkers.details.filter((d) => d.column === column).map((d) => d.line)
    expect(lineOf('unit_code')).toEqual([file.lines.firstOfCode, file.lines.unknownUnit])
    expect(lineOf('received_at')).toEqual([file.lines.badDate])
    // The code cut by a line break, and the valid row that repeats a refused row's code.
    expect(lineOf('code')).toEqual([file.lines.wrapped, file.lines.repeatOfRefused])
    expect(byWorkers.details.at(-1)?.reason).toBe(`mã hồ sơ trùng với dòng ${file.lines.firstOfCode}`)
    expect(Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0)
  })

  it('one worker, three workers and the row-by-row reading give the same dossiers, history, rollups and refused rows', async () => {
    for (const newline of ['\n', '\r\n'] as const) {
      const file = buildFile(`same-${newline.length}.csv`, 1500, newline)
      const outcomes = []
      for (const workers of [0, 1, 3]) {
        const handle = await district()
        const summary = await importDossiers(handle, file.path, { skipInvalid: true, ignoreUnknown: false, ...inPieces(workers) })
        const refused = readFileSync(summary.rejectedFile!, 'utf8')
        const again = await importDossiers(handle, file.path, { skipInvalid: true, ignoreUnknown: false, ...inPieces(workers) })
        outcomes.push({ summary: { ...summary, rejectedFile: null }, refused, again: again.unchanged, data: await everything(handle) })
      }
      expect(outcomes[0]!.summary).toMatchObject({ read: 1500, inserted: 1495, rejected: 5 })
      expect(outcomes[0]!.again).toBe(1495)
      expect(outcomes[0]!.data.daily.length).toBeGreaterThan(0)
      expect(outcomes[1]).toEqual(outcomes[0])
      expect(outcomes[2]).toEqual(outcomes[0])
    }
  })
})
