import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
const strict = { skipInvalid: false, ignoreUnknown: false }

beforeAll(async () => {
  handle = await createTestDatabase()
  const dir = tempDir()
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), strict)
})
afterAll(async () => handle.close())

async function versionOf(code: string): Promise<{ procedureId: number; versionId: number }> {
  const row = await handle.db
    .selectFrom('procedure_versions')
    .innerJoin('procedures', 'procedures.id', 'procedure_versions.procedure_id')
    .select(['procedures.id as procedureId', 'procedure_versions.id as versionId'])
    .where('procedures.code', '=', code)
    .executeTakeFirstOrThrow()
  return { procedureId: row.procedureId, versionId: row.versionId }
}

async function insertDossier(code: string, procedureId: number, versionId: number): Promise<void> {
  const unit = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
  await sql`
    insert into dossiers (code, receiving_unit_id, deciding_unit_id, procedure_id, procedure_version_id, channel, status, received_at)
    values (${code}, ${unit.id}, ${unit.id}, ${procedureId}, ${versionId}, 'direct', 'received', now())
  `.execute(handle.db)
}

describe("a dossier's procedure is its version's procedure", () => {
  it('a version with its own procedure is accepted', async () => {
    const birth = await versionOf('1.001193')
    await insertDossier('KEY-1', birth.procedureId, birth.versionId)
  })

  it('a version of another procedure is refused by the database', async () => {
    const birth = await versionOf('1.001193')
    const copy = await versionOf('2.000815')
    await expect(insertDossier('KEY-2', birth.procedureId, copy.versionId)).rejects.toThrow(/foreign key/)
  })

  it('a procedure that does not exist is still refused', async () => {
    const birth = await versionOf('1.001193')
    await expect(insertDossier('KEY-3', 999_999, birth.versionId)).rejects.toThrow(/foreign key/)
  })
})
