import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Rating } from '../../domain/dossiers/dossier-status.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { applicantDossier } from './applicant-dossier.js'
import type { PortalIdentity } from './portal-sessions.js'

/**
 * The applicant's rating of a returned dossier (satisfaction, indicator 5.4 and the
 * satisfaction rate): once, after the result was handed back; the rollups follow by trigger.
 */
export async function rateDossier(db: Kysely<Database>, code: string, rating: Rating, identity: PortalIdentity, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const dossier = await applicantDossier(trx, code, identity)
    const locked = await trx.selectFrom('dossiers').select(['status', 'rating']).where('id', '=', dossier.id).forUpdate().executeTakeFirstOrThrow()
    if (locked.status !== 'returned') throw new AppError(ErrorCode.conflict, `dossier ${code} is ${locked.status}`, 'Chỉ đánh giá được sau khi đã nhận kết quả')
    if (locked.rating !== null) throw new AppError(ErrorCode.conflict, `dossier ${code} already rated`, 'Hồ sơ này đã được đánh giá')
    await trx.updateTable('dossiers').set({ rating, updated_at: sql<Date>`now()` }).where('id', '=', dossier.id).execute()
    await writeAudit(trx, { actor: `portal:${identity.phone ?? identity.oidcSubject}`, ip, action: 'dossier.rate', entity: 'dossier', entityId: code, summary: { rating } })
  })
}
