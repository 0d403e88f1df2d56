import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'
import { insertUnitsAsThen } from '../support/units-as-then.js'

let handle: DatabaseHandle

/** A stored scan as the desk stores one: its row in files. */
async function storedFile(name: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into files (sha256, size_bytes, media_type, original_name, uploaded_by) values (${'ab'.repeat(32)}, 100, 'application/pdf', ${name}, 'user:van-thu') returning id::text as id`.execute(handle.db)
  return rows[0]!.id
}

async function incomingDocument(unitCode: string, d: { number: string; title: string; issuedOn: string | null; file: string; receivedAt: string }): Promise<void> {
  await sql`insert into incoming_documents (unit_id, number, title, issued_on, file_id, received_by, received_at)
    select id, ${d.number}, ${d.title}, ${d.issuedOn}, ${d.file}, 'user:van-thu', ${d.receivedAt}::timestamptz from units where code = ${unitCode}`.execute(handle.db)
}

let files: Record<string, string>

// A database as it was before the merge: incoming documents kept apart from the incoming directives.
beforeAll(async () => {
  handle = await openDatabase({ memory: true })
  await migrateUpTo(handle.db, '20261126_022_twolevel_decided_rollups')
  await insertUnitsAsThen(handle.db)
  files = { province: await storedFile('cv-4707.pdf'), unnumbered: await storedFile('giay-moi.png'), known: await storedFile('cv-1219.pdf'), knownAgain: await storedFile('cv-1219-ban-2.pdf'), anThanh: await storedFile('cv-an-thanh.pdf') }
  // The district had already recorded 1219/UBND-VP as an incoming directive, without its scan.
  await sql`insert into directives (unit_id, direction, doc_type, number, issued_on, issuer, subject, created_by)
    select id, 'incoming', 'Công văn', '1219/UBND-VP', '2022-09-12', 'UBND tỉnh Hải Dương', 'V/v số hóa hồ sơ', 'user:van-thu' from units where code = 'H23.07'`.execute(handle.db)
  await incomingDocument('H23.07', { number: '4707/KH-UBND', title: 'Kế hoạch chuyển đổi số năm 2022', issuedOn: '2021-12-24', file: files.province!, receivedAt: '2021-12-27T08:00:00+07:00' })
  await incomingDocument('H23.07', { number: '', title: 'Giấy mời họp giao ban', issuedOn: null, file: files.unnumbered!, receivedAt: '2022-09-30T23:30:00+07:00' })
  await incomingDocument('H23.07', { number: '1219/UBND-VP', title: 'V/v số hóa hồ sơ', issuedOn: '2022-09-12', file: files.known!, receivedAt: '2022-09-13T08:00:00+07:00' })
  // The same letter scanned again: kept beside it, not lost.
  await incomingDocument('H23.07', { number: '1219/UBND-VP', title: 'V/v số hóa hồ sơ (bản quét lại)', issuedOn: '2022-09-12', file: files.knownAgain!, receivedAt: '2022-09-14T08:00:00+07:00' })
  await incomingDocument('H23.07.01', { number: '1262/UBND-VP', title: 'V/v tăng cường số hóa', issuedOn: '2022-09-15', file: files.anThanh!, receivedAt: '2022-09-16T08:00:00+07:00' })
  await migrateToLatest(handle.db)
}, 180_000)
afterAll(() => handle.close())

describe('incoming documents become incoming directives', () => {
  it('each document is an incoming directive of its unit, with its number, date, subject, file and who received it', async () => {
    const rows = await handle.db
      .selectFrom('directives as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select(['u.code', 'd.direction', 'd.number', 'd.issued_on', 'd.subject', 'd.issuer', 'd.file_id', 'd.created_by'])
      .orderBy('d.issued_on')
      .orderBy('d.id')
      .execute()
    expect(rows.map((r) => ({ ...r, file_id: r.file_id === null ? null : String(r.file_id) }))).toEqual([
      { code: 'H23.07', direction: 'incoming', number: '4707/KH-UBND', issued_on: '2021-12-24', subject: 'Kế hoạch chuyển đổi số năm 2022', issuer: 'Chưa ghi cơ quan ban hành', file_id: files.province, created_by: 'user:van-thu' },
      // Already recorded: the directive takes the scan, and stays one record.
      { code: 'H23.07', direction: 'incoming', number: '1219/UBND-VP', issued_on: '2022-09-12', subject: 'V/v số hóa hồ sơ', issuer: 'UBND tỉnh Hải Dương', file_id: files.known, created_by: 'user:van-thu' },
      { code: 'H23.07', direction: 'incoming', number: expect.stringMatching(/^1219\/UBND-VP \(bản \d+\)$/), issued_on: '2022-09-12', subject: 'V/v số hóa hồ sơ (bản quét lại)', issuer: 'Chưa ghi cơ quan ban hành', file_id: files.knownAgain, created_by: 'user:van-thu' },
      { code: 'H23.07.01', direction: 'incoming', number: '1262/UBND-VP', issued_on: '2022-09-15', subject: 'V/v tăng cường số hóa', issuer: 'Chưa ghi cơ quan ban hành', file_id: files.anThanh, created_by: 'user:van-thu' },
      // No number, no date: numbered as such, dated the Vietnam day it was received.
      { code: 'H23.07', direction: 'incoming', number: expect.stringMatching(/^Không số \(văn bản đến \d+\)$/), issued_on: '2022-09-30', subject: 'Giấy mời họp giao ban', issuer: 'Chưa ghi cơ quan ban hành', file_id: files.unnumbered, created_by: 'user:van-thu' },
    ])
  })

  it('the table is gone, and a directive stored with a file from now on is queued for reading', async () => {
    const { rows } = await sql<{ name: string | null }>`select to_regclass('incoming_documents')::text as name`.execute(handle.db)
    expect(rows[0]!.name).toBeNull()
    const file = await storedFile('cv-moi.pdf')
    await sql`insert into directives (unit_id, direction, doc_type, number, issued_on, issuer, subject, file_id, created_by)
      select id, 'incoming', 'Công văn', '99/UBND', '2022-10-01', 'UBND tỉnh', 'V/v mới', ${file}, 'user:van-thu' from units where code = 'H23.07'`.execute(handle.db)
    const queued = await handle.db.selectFrom('ocr_jobs').select('status').where('file_id', '=', file).execute()
    expect(queued).toEqual([{ status: 'queued' }])
  })
})
