import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { findPhrase, foldForSearch } from '../../domain/text/aligned-fold.js'
import { writeAudit } from '../audit/write-audit.js'
import { directiveTextsMatching, listVisibleDirectives, type DirectiveRow } from './directives.repository.js'

export interface DirectiveHit extends DirectiveRow {
  /** The words around the match in the scan's recognised text, with their diacritics as read; null when the number, subject or issuer matched. */
  snippet: string | null
}

const MIN_QUERY = 2

/**
 * The directives an actor sees whose number, subject or issuer — or the recognised (OCR) text of
 * their scan — hold the phrase, typed with or without diacritics: both sides folded
 * (foldForSearch), so "quang nghiep" finds "Quảng Nghiệp". Those holding it as typed,
 * diacritics and all, come first, then the newest. Audited, as scans may carry personal data.
 */
export async function searchDirectives(
  db: Kysely<Database>,
  unitIds: ReadonlySet<number>,
  query: string,
  filter: { direction?: 'incoming' | 'outgoing' | undefined },
  who: { actor: string; ip: string | null },
): Promise<DirectiveHit[]> {
  const phrase = foldForSearch(query)
  if (phrase.length < MIN_QUERY) throw new AppError(ErrorCode.validation, 'query too short', `Từ khóa tìm kiếm phải có ít nhất ${MIN_QUERY} chữ cái hoặc chữ số`, [{ column: 'q', value: query, reason: 'quá ngắn' }])
  const visible = await listVisibleDirectives(db, unitIds, filter)
  const texts = await directiveTextsMatching(db, visible.filter((d) => d.fileId !== null).map((d) => d.id), phrase)
  const typed = query.normalize('NFC').trim().toLocaleLowerCase('vi')
  const hits: (DirectiveHit & { exact: boolean })[] = []
  for (const d of visible) {
    const heading = `${d.docType} ${d.number} ${d.subject} ${d.issuer}`
    const text = texts.get(d.id)
    if (!foldForSearch(heading).includes(phrase) && text === undefined) continue
    const exact = [heading, text ?? ''].some((t) => t.normalize('NFC').toLocaleLowerCase('vi').includes(typed))
    hits.push({ ...d, snippet: text === undefined ? null : findPhrase(text, query), exact })
  }
  // Stable: within each group the newest first, as listed.
  const ordered = [...hits.filter((h) => h.exact), ...hits.filter((h) => !h.exact)]
  await db.transaction().execute((trx) => writeAudit(trx, { ...who, action: 'directive.search', entity: 'directive', summary: { query, hits: ordered.length } }))
  return ordered.map(({ exact: _exact, ...hit }) => hit)
}
