import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { stageAfterCertificateRead } from '../../domain/officials/certificate-stage.js'
import { identitiesOfUids, personalIdentityNumber } from '../../domain/officials/certificate-subject.js'
import { expiresWithin } from '../../domain/officials/registry-lists.js'
import { foldVietnamese } from '../../domain/procedures/search-text.js'
import { isAppError } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import type { CertificateSource } from './certificate-files.js'
import type { RegistryEditor } from './manage-officials.js'
import { listOfficials, saveCertificate, type OfficialView } from './officials.repository.js'
import { readCertificateFile, type CertificateFacts } from './read-certificate.js'

export interface MatchedCertificate {
  file: string
  official_id: number
  full_name: string
  unit_code: string
  matched_by: 'identity_number' | 'name'
  common_name: string | null
  serial: string
  valid_to: Date
  expired: boolean
  expiring_soon: boolean
}

export interface CertificateImportReport {
  dry_run: boolean
  /** True when the matched certificates were recorded: never on a dry run or when any file is unmatched or invalid. */
  applied: boolean
  matched: MatchedCertificate[]
  unmatched: { file: string; common_name: string | null; identity_number: string | null; reason: string }[]
  invalid: { file: string; reason: string }[]
}

type Match = { official: OfficialView; by: 'identity_number' | 'name' } | { reason: string }

/**
 * Which official a certificate belongs to: the one whose CMND/CCCD the certificate's UID names;
 * failing that, the one (and only one) whose name folds to the certificate's CN, unless that
 * official's recorded identity number says it is somebody else.
 */
function matchOfficial(facts: CertificateFacts, officials: readonly OfficialView[]): Match {
  const identity = personalIdentityNumber(identitiesOfUids(facts.uids))
  if (identity) {
    const byIdentity = officials.filter((o) => o.identity_number === identity)
    if (byIdentity.length === 1) return { official: byIdentity[0]!, by: 'identity_number' }
  }
  if (!facts.commonName) return { reason: 'chứng thư số không ghi tên người được cấp (CN) và số CMND/CCCD không khớp cán bộ nào' }
  const name = foldVietnamese(facts.commonName)
  const byName = officials.filter((o) => foldVietnamese(o.full_name) === name && (identity === null || o.identity_number === null || o.identity_number === identity))
  if (byName.length === 1) return { official: byName[0]!, by: 'name' }
  if (byName.length > 1) return { reason: `có ${byName.length} cán bộ cùng tên "${facts.commonName}" (${byName.map((o) => o.unit_name).join(', ')}); ghi số CMND/CCCD của cán bộ để phân biệt` }
  return { reason: identity ? `không có cán bộ tên "${facts.commonName}" hoặc số CMND/CCCD ${identity} trong danh sách` : `không có cán bộ tên "${facts.commonName}" trong danh sách` }
}

/**
 * Reads a batch of certificate files and records each on its official, all or nothing: a file
 * that is not a certificate, or a certificate that matches no official (or one official twice),
 * fails the whole import and changes nothing; the report names every file and why. A dry run
 * reads and matches only.
 */
export async function importCertificates(
  db: Kysely<Database>,
  editor: RegistryEditor,
  sources: readonly CertificateSource[],
  options: { dryRun: boolean; passwords?: readonly string[]; now?: Date },
): Promise<CertificateImportReport> {
  const now = options.now ?? new Date()
  const officials = await listOfficials(db, editor.unitIds)
  const report: CertificateImportReport = { dry_run: options.dryRun, applied: false, matched: [], unmatched: [], invalid: [] }
  const facts = new Map<string, CertificateFacts>()
  const byOfficial = new Map<number, string>()
  for (const source of sources) {
    if ('problem' in source) {
      report.invalid.push({ file: source.name, reason: source.problem })
      continue
    }
    let read: CertificateFacts
    try {
      read = readCertificateFile(source.name, source.bytes, options.passwords ?? [])
    } catch (error) {
      if (!isAppError(error)) throw error
      report.invalid.push({ file: source.name, reason: error.userMessage })
      continue
    }
    const match = matchOfficial(read, officials)
    if ('reason' in match) {
      report.unmatched.push({ file: source.name, common_name: read.commonName, identity_number: personalIdentityNumber(identitiesOfUids(read.uids)), reason: match.reason })
      continue
    }
    const earlier = byOfficial.get(match.official.id)
    if (earlier !== undefined) {
      report.invalid.push({ file: source.name, reason: `cán bộ ${match.official.full_name} (${match.official.unit_name}) đã có chứng thư trong tệp ${earlier}; mỗi cán bộ chỉ một tệp mỗi lần nhập` })
      continue
    }
    byOfficial.set(match.official.id, source.name)
    facts.set(source.name, read)
    report.matched.push({
      file: source.name, official_id: match.official.id, full_name: match.official.full_name, unit_code: match.official.unit_code, matched_by: match.by,
      common_name: read.commonName, serial: read.serial, valid_to: read.validTo,
      expired: read.validTo < now, expiring_soon: expiresWithin({ certificate: { valid_from: read.validFrom, valid_to: read.validTo } }, now),
    })
  }
  if (options.dryRun || report.invalid.length > 0 || report.unmatched.length > 0 || report.matched.length === 0) return report

  const officialsById = new Map(officials.map((o) => [o.id, o]))
  await db.transaction().execute(async (trx) => {
    for (const matched of report.matched) {
      const official = officialsById.get(matched.official_id)!
      const read = facts.get(matched.file)!
      const stage = stageAfterCertificateRead(official.certificate_stage)
      await saveCertificate(trx, official.id, read, stage, stage !== official.certificate_stage)
      await writeAudit(trx, {
        actor: editor.actor, ip: editor.ip, action: 'official.certificate', entity: 'official', entityId: String(official.id),
        summary: { file_name: matched.file, serial: read.serial, valid_to: read.validTo.toISOString(), before: official.certificate?.serial ?? null, matched_by: matched.matched_by, import: true },
      })
    }
  })
  report.applied = true
  return report
}
