import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { matchProcedures } from '../../domain/procedures/search-text.js'
import { currentProcedureVersions, numberedComponents } from '../procedures/current-versions.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { formsOfProcedures, getProcedureForm, type ProcedureForm } from '../procedures/forms/procedure-forms.repository.js'
import { publicFormOf } from '../procedures/forms/form-links.js'

/** The current version of every publicly listed procedure. */
async function currentPublicVersions(db: Kysely<Database>) {
  return (await currentProcedureVersions(db)).filter((row) => row.publicly_listed)
}

type VersionRow = Awaited<ReturnType<typeof currentPublicVersions>>[number]

const entryOf = (r: VersionRow, forms: Map<string, ProcedureForm[]>) => ({
  code: r.code,
  name: r.name,
  field: r.field,
  level: r.level,
  online_level: r.online_level,
  processing_days: Number(r.processing_days),
  fee_vnd: Number(r.fee_vnd),
  pay_online: r.payment_integrated === true && Number(r.fee_vnd) > 0,
  components: numberedComponents(r.components),
  forms: (forms.get(r.code) ?? []).map(publicFormOf),
})

/** The public catalogue: searched without diacritics, best match first. */
export async function searchPublicCatalogue(db: Kysely<Database>, query: string, limit = 30) {
  const found = matchProcedures(await currentPublicVersions(db), query).slice(0, limit)
  const forms = await formsOfProcedures(db, found.map((r) => r.code))
  return found.map((r) => entryOf(r, forms))
}

/**
 * One procedure and where it can be done: the units of the level that decides it, across the
 * province (a commune procedure at any commune — the law lets a citizen choose), open today.
 */
export async function publicProcedure(db: Kysely<Database>, code: string) {
  const version = (await currentPublicVersions(db)).find((r) => r.code === code)
  if (!version) throw new AppError(ErrorCode.notFound, `no public procedure ${code}`, `Không có thủ tục hành chính công khai với mã ${code}`)
  const today = toVietnamDate(new Date())
  const units = await db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('kind', '=', version.level)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
    .orderBy('code')
    .execute()
  return { ...entryOf(version, await formsOfProcedures(db, [code])), units }
}

/** A form of a publicly listed procedure, for download by anyone (404 for an unlisted one). */
export async function getPublicProcedureForm(db: Kysely<Database>, procedureCode: string, formCode: string): Promise<ProcedureForm> {
  if (!(await currentPublicVersions(db)).some((r) => r.code === procedureCode)) {
    throw new AppError(ErrorCode.notFound, `no public procedure ${procedureCode}`, `Không có thủ tục hành chính công khai với mã ${procedureCode}`)
  }
  return getProcedureForm(db, procedureCode, formCode)
}
