import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { FileStore } from '../desk/file-store.js'
import { recordDossierEvent } from '../dossiers/record-dossier-event.js'
import { applicantDossier } from './applicant-dossier.js'
import { checkComponentUpload } from './check-component-file.js'
import type { PortalIdentity } from './portal-sessions.js'
import type { OnlineUpload } from './submit-online.js'
import type { ApplicantNoticeSettings } from './tell-applicant.js'
import { trackDossier } from './track-dossier.js'

/**
 * The applicant answers a supplement request online: the new files are checked at once like a
 * submission's, then in one transaction the `supplement_received` step (the clock runs again),
 * the files replacing the components' scans, and the notice to the applicant. Answers the
 * dossier as the applicant tracks it.
 */
export async function supplementOnline(db: Kysely<Database>, store: FileStore, code: string, uploads: readonly OnlineUpload[], identity: PortalIdentity, settings: ApplicantNoticeSettings) {
  const dossier = await applicantDossier(db, code, identity)
  if (dossier.status !== 'supplement') throw new AppError(ErrorCode.conflict, `dossier ${code} is ${dossier.status}`, 'Hồ sơ không ở trạng thái chờ bổ sung')
  if (uploads.length === 0) throw new AppError(ErrorCode.validation, 'no files', 'Cần tải lên ít nhất một tệp bổ sung')
  const components = await db.selectFrom('dossier_components').select(['position', 'name']).where('dossier_id', '=', dossier.id).execute()
  const checked: (OnlineUpload & { mediaType: string; sha256: string })[] = []
  for (const upload of uploads) {
    const component = components.find((c) => c.position === upload.position)
    if (!component) throw new AppError(ErrorCode.validation, `no component ${upload.position}`, `Hồ sơ không có thành phần số ${upload.position}`)
    const mediaType = await checkComponentUpload(component.name, upload.position, upload.fileName, upload.bytes)
    checked.push({ ...upload, mediaType, sha256: '' })
  }
  for (const file of checked) file.sha256 = await store.put(file.bytes)
  const actor = `portal:${identity.phone ?? identity.oidcSubject}`
  await recordDossierEvent(db, code, {
    type: 'supplement_received',
    actor,
    actingFor: 'applicant',
    data: { channel: 'online', components: checked.map((c) => c.position) },
    tellApplicant: settings,
    alsoInTransaction: async (trx, locked) => {
      for (const file of checked) {
        const row = await trx.insertInto('files').values({ sha256: file.sha256, size_bytes: file.bytes.length, media_type: file.mediaType, original_name: file.fileName, uploaded_by: actor }).returning('id').executeTakeFirstOrThrow()
        await trx.updateTable('dossier_components').set({ file_id: row.id, digitized: true, received: true, digitized_at: sql<Date>`now()` }).where('dossier_id', '=', locked.id).where('position', '=', file.position).execute()
      }
      const { received, digitized } = await trx
        .selectFrom('dossier_components')
        .select((eb) => [eb.fn.countAll<number>().filterWhere('received', '=', true).as('received'), eb.fn.countAll<number>().filterWhere('received', '=', true).filterWhere('digitized', '=', true).as('digitized')])
        .where('dossier_id', '=', locked.id)
        .executeTakeFirstOrThrow()
      await trx.updateTable('dossiers').set({ components_total: Number(received), components_digitized: Number(digitized) }).where('id', '=', locked.id).execute()
    },
  })
  return trackDossier(db, code, dossier.portal_phone ?? dossier.applicant_phone ?? '')
}
