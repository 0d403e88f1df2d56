import { sql, type RawBuilder } from 'kysely'
import { foldVietnamese } from '../../domain/procedures/search-text.js'

/** A search shorter than this (folded) would list half the unit: it is refused at the boundary. */
export const MIN_SEARCH_LENGTH = 2

/** `%` and `_` typed by a person are letters, not wildcards. */
const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The desk's one search box as a condition on `dossiers as d`: every word typed (folded the way
 * foldVietnamese folds, so "nguyen thi hoa" finds "Nguyễn Thị Hoa") is found in the dossier's
 * code, the applicant's name (folded in SQL by motcua_fold, migration 015) or — for a viewer who
 * may see them — the identity and phone numbers. "0912 345 678" finds 0912345678.
 */
export function dossierSearchCondition(query: string, personalData: boolean): RawBuilder<boolean> | null {
  const words = foldVietnamese(query).split(' ').filter((w) => w.length > 0)
  if (words.length === 0) return null
  const each = words.map((word) => {
    const pattern = `%${likeEscape(word)}%`
    const personal = personalData ? sql`or lower(d.applicant_id_number) like ${pattern} or d.applicant_phone like ${pattern}` : sql``
    return sql<boolean>`(lower(d.code) like ${pattern} or motcua_fold(d.applicant_name) like ${pattern} ${personal})`
  })
  return sql<boolean>`(${sql.join(each, sql` and `)})`
}

/** The dossier whose code is the query comes first. */
export function exactCodeFirst(query: string): RawBuilder<number> {
  return sql<number>`case when lower(d.code) = ${query.trim().toLowerCase()} then 0 else 1 end`
}
