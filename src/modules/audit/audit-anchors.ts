import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { closeSync, createReadStream, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { AuditProblem } from './verify-audit-chain.js'

/** Where the anchors of one database are written, and the key that signs them. */
export interface AuditAnchorStore {
  path: string
  key: Buffer
}

/** One line of the anchor file: the chain's head at a moment, signed with the key. */
export interface AuditAnchor {
  at: string
  last_id: string
  last_hash: string
  mac: string
}

/**
 * The anchor file of a database: `<data>/audit-anchors.jsonl` for the embedded one; for a server,
 * one file per server and database, named from the address (which the database cannot change).
 */
export function auditAnchorPath(dataDir: string, databaseUrl: string | undefined): string {
  if (!databaseUrl) return join(dataDir, 'audit-anchors.jsonl')
  const url = new URL(databaseUrl)
  const name = url.pathname.replace(/^\//, '') || 'postgres'
  const where = createHash('sha256').update(`${url.hostname}:${url.port}/${name}`).digest('hex').slice(0, 12)
  return join(dataDir, `audit-anchors-${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${where}.jsonl`)
}

function macOf(key: Buffer, anchor: Omit<AuditAnchor, 'mac'>): string {
  return createHmac('sha256', key).update(`motcua-audit-anchor-v1\n${anchor.at}\n${anchor.last_id}\n${anchor.last_hash}`).digest('hex')
}

function macMatches(key: Buffer, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(macOf(key, anchor), 'hex')
  const given = Buffer.from(anchor.mac, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The last line of the file, read from its end (the file only grows). */
function lastLine(path: string): string | null {
  if (!existsSync(path)) return null
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const length = Math.min(size, 4096)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').split('\n').filter((l) => l.trim() !== '')
    return lines.at(-1) ?? null
  } finally {
    closeSync(fd)
  }
}

function parseAnchor(line: string): AuditAnchor | null {
  try {
    const value = JSON.parse(line) as Partial<AuditAnchor>
    if (typeof value.at !== 'string' || typeof value.last_id !== 'string' || typeof value.last_hash !== 'string' || typeof value.mac !== 'string') return null
    return { at: value.at, last_id: value.last_id, last_hash: value.last_hash, mac: value.mac }
  } catch {
    return null
  }
}

/**
 * Appends the chain's head to the anchor file, signed, unless it is the head already anchored.
 * Written with O_APPEND and fsync: the file is a record, never rewritten.
 */
export async function appendAuditAnchor(db: Kysely<Database>, store: AuditAnchorStore, now = new Date()): Promise<AuditAnchor | null> {
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow()
  const lastId = String(head.last_id)
  if (lastId === '0') return null
  const previous = lastLine(store.path)
  const last = previous === null ? null : parseAnchor(previous)
  if (last && last.last_id === lastId && last.last_hash === head.last_hash) return null
  const unsigned = { at: now.toISOString(), last_id: lastId, last_hash: head.last_hash }
  const anchor: AuditAnchor = { ...unsigned, mac: macOf(store.key, unsigned) }
  const fd = openSync(store.path, 'a', 0o600)
  try {
    writeSync(fd, `${JSON.stringify(anchor)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return anchor
}

export interface AnchorCheck {
  anchors: number
  problems: AuditProblem[]
}

const CHUNK = 1000

/**
 * Each anchor must be signed with the key, and the row it names must still carry the hash it
 * had: the chain links every earlier row to it, so rewriting any of them — even consistently,
 * hashes recomputed — changes that row's hash. A log cut below an anchor loses the row.
 */
export async function checkAuditAnchors(db: Kysely<Database>, store: AuditAnchorStore): Promise<AnchorCheck> {
  const problems: AuditProblem[] = []
  if (!existsSync(store.path)) return { anchors: 0, problems }
  const lines = createInterface({ input: createReadStream(store.path, 'utf8'), crlfDelay: Infinity })
  let anchors = 0
  let lineNumber = 0
  let batch: AuditAnchor[] = []
  let rewritten = 0
  let firstRewritten: string | null = null
  const flush = async () => {
    if (batch.length === 0) return
    const ids = [...new Set(batch.map((anchor) => anchor.last_id))]
    const rows = await db.selectFrom('audit_log').select(['id', 'hash']).where('id', 'in', ids).execute()
    const hashOf = new Map(rows.map((r) => [String(r.id), r.hash]))
    for (const anchor of batch) {
      if (hashOf.get(anchor.last_id) === anchor.last_hash) continue
      rewritten++
      firstRewritten ??= `dòng ${anchor.last_id} đã neo lúc ${anchor.at} ${hashOf.has(anchor.last_id) ? 'nay có mã băm khác' : 'không còn trong nhật ký'}`
    }
    batch = []
  }
  for await (const text of lines) {
    lineNumber++
    if (text.trim() === '') continue
    anchors++
    const anchor = parseAnchor(text)
    if (!anchor || !macMatches(store.key, anchor)) {
      problems.push({ id: '', reason: `dòng ${lineNumber} của tệp mốc neo ${store.path} không hợp lệ (bị sửa, hoặc khóa đã đổi)` })
      continue
    }
    batch.push(anchor)
    if (batch.length >= CHUNK) await flush()
  }
  await flush()
  if (rewritten > 0) {
    problems.push({ id: '', reason: `nhật ký đã bị viết lại hoặc cắt bớt sau khi được neo ra ngoài cơ sở dữ liệu: ${firstRewritten}${rewritten > 1 ? ` (và ${rewritten - 1} mốc neo khác)` : ''}` })
  }
  return { anchors, problems }
}
