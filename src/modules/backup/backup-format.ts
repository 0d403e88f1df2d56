import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/*
 * A backup is one gzip file of records: a JSON line, then, when the line says `bytes`, that
 * many bytes of payload. The first record describes the backup, then one per table (its rows in
 * PostgreSQL's COPY text format, the same on PGlite and on a server), one per stored file, and
 * an end record — a file cut short has none and is refused.
 */
export const BACKUP_FORMAT = 'motcua-backup'
export const BACKUP_VERSION = 1

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  created_at: string
  /** The migrations the database had: a restore needs them all. */
  migrations: string[]
  /** The audit chain's head at the moment of the backup. */
  audit_head: { last_id: string; last_hash: string }
}

export type BackupRecord =
  | ({ kind: 'header' } & BackupHeader)
  | { kind: 'table'; table: string; columns: string[]; bytes: number }
  | { kind: 'file'; sha256: string; bytes: number }
  | { kind: 'end'; tables: number; files: number }

export interface BackupContents {
  header: BackupHeader
  tables: { table: string; columns: string[]; data: Buffer }[]
  files: { sha256: string; data: Buffer }[]
}

/** One record as bytes: its JSON line and its payload. */
export function encodeRecord(record: BackupRecord, payload?: Buffer): Buffer[] {
  const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')
  return payload ? [line, payload] : [line]
}

function damaged(path: string, reason: string): AppError {
  return new AppError(ErrorCode.validation, `backup ${path}: ${reason}`, `Tệp sao lưu ${path} không hợp lệ: ${reason}`)
}

/** Reads a whole backup into memory (the restore loads each table in one COPY). */
export async function readBackup(path: string): Promise<BackupContents> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of createReadStream(path).pipe(createGunzip())) chunks.push(chunk as Buffer)
  } catch (error) {
    throw damaged(path, `không giải nén được (${(error as Error).message})`)
  }
  const all = Buffer.concat(chunks)
  let offset = 0
  const next = (): { record: BackupRecord; payload: Buffer | null } => {
    const newline = all.indexOf(0x0a, offset)
    if (newline < 0) throw damaged(path, 'tệp bị cắt cụt')
    const record = JSON.parse(all.subarray(offset, newline).toString('utf8')) as BackupRecord
    offset = newline + 1
    if (!('bytes' in record)) return { record, payload: null }
    if (offset + record.bytes > all.length) throw damaged(path, 'tệp bị cắt cụt')
    const payload = all.subarray(offset, offset + record.bytes)
    offset += record.bytes
    return { record, payload }
  }
  const first = next().record
  if (first.kind !== 'header' || first.format !== BACKUP_FORMAT) throw damaged(path, 'không phải tệp sao lưu motcua')
  if (first.version !== BACKUP_VERSION) throw damaged(path, `phiên bản ${String(first.version)} không được hỗ trợ`)
  const { kind: _kind, ...header } = first
  const contents: BackupContents = { header, tables: [], files: [] }
  for (;;) {
    const { record, payload } = next()
    if (record.kind === 'table') contents.tables.push({ table: record.table, columns: record.columns, data: payload! })
    else if (record.kind === 'file') contents.files.push({ sha256: record.sha256, data: payload! })
    else if (record.kind === 'end') {
      if (record.tables !== contents.tables.length || record.files !== contents.files.length) throw damaged(path, 'số bảng hoặc số tệp không khớp')
      return contents
    } else throw damaged(path, 'bản ghi không hợp lệ')
  }
}
