import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findPhrase, foldForSearch } from '../../domain/text/aligned-fold.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { componentTextsMatching } from './file-text.repository.js'

export interface FileTextHit {
  kind: 'component'
  unit_code: string
  file_name: string
  /** The words around the match, with their diacritics as read. */
  snippet: string
  dossier_code: string | null
  position: number | null
  component_name: string | null
}

const MIN_QUERY = 2

/**
 * The dossiers' component scans whose recognised text holds the phrase (a directive's scan is
 * searched with the directives: modules/directives/search-directives), typed with or without diacritics: both sides
 * folded (foldForSearch), so "tu ky" finds "Tứ Kỳ" and so does "Tứ Kỳ". Hits whose text has the
 * phrase as typed, diacritics and all, come first. Only the given units' files are searched;
 * the search is audited (scans carry personal data).
 */
export async function searchFileTexts(db: Kysely<Database>, unitIds: readonly number[], query: string, who: { actor: string; ip: string | null }, limit = 50): Promise<FileTextHit[]> {
  const phrase = foldForSearch(query)
  if (phrase.length < MIN_QUERY) throw new AppError(ErrorCode.validation, 'query too short', `Từ khóa tìm kiếm phải có ít nhất ${MIN_QUERY} chữ cái hoặc chữ số`)
  const components = await componentTextsMatching(db, unitIds, phrase, limit)
  const typed = query.normalize('NFC').trim().toLocaleLowerCase('vi')
  const hits: (FileTextHit & { exact: boolean; at: Date })[] = []
  for (const c of components) {
    hits.push({
      kind: 'component', unit_code: c.unit_code, file_name: c.original_name, snippet: findPhrase(c.text, query) ?? '', dossier_code: c.dossier_code, position: c.position, component_name: c.component_name,
      exact: c.text.normalize('NFC').toLocaleLowerCase('vi').includes(typed), at: c.uploaded_at,
    })
  }
  const ordered = hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.at.getTime() - a.at.getTime()).slice(0, limit)
  await db.transaction().execute((trx) => writeAudit(trx, { ...who, action: 'file_text.search', entity: 'file_text', summary: { query, hits: ordered.length } }))
  return ordered.map(({ exact: _exact, at: _at, ...hit }) => hit)
}
