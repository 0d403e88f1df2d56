import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recipientProblem } from '../../domain/notifications/outgoing-message.js'
import type { ProcedureComponent } from '../../domain/procedures/procedure-input.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { receiveDossier, type ReceivedDossier } from '../desk/receive-dossier.js'
import type { FileStore } from '../desk/file-store.js'
import { checkComponentUpload } from './check-component-file.js'
import { portalLoginActor } from './portal-login-audit.js'
import type { PortalIdentity } from './portal-sessions.js'
import type { ApplicantNoticeSettings } from './tell-applicant.js'

export interface OnlineUpload {
  position: number
  fileName: string
  bytes: Uint8Array
}

export interface OnlineSubmission {
  procedureCode: string
  unitCode: string
  applicant: { name: string; idNumber: string | null; address: string | null; email: string | null }
  /**
   * The contact phone when the identity has none (an OIDC login without a verified phone): kept
   * on the dossier for the desk to call, never proved, so it gets no notice and no portal rights.
   */
  phone: string | null
  uploads: readonly OnlineUpload[]
  identity: PortalIdentity
  ip: string | null
}

/**
 * A dossier submitted on the portal: the procedure must be offered online and decided at the
 * unit's level; every upload is checked before anything is kept; then the desk's own intake
 * (receiveDossier, channel online) gives the code and the appointment date, and in the same
 * transaction the files, the applicant's contact and the receipt notice are written. The
 * dossier lands in the unit's desk queue like one received at the counter.
 */
export async function submitOnline(db: Kysely<Database>, store: FileStore, input: OnlineSubmission, settings: ApplicantNoticeSettings): Promise<ReceivedDossier> {
  // Only a proved phone (OTP, or the provider's verified one) becomes the portal phone.
  const verifiedPhone = input.identity.phone
  const phone = verifiedPhone ?? input.phone
  const actor = verifiedPhone !== null ? `portal:${verifiedPhone}` : portalLoginActor(input.identity)
  if (!phone || recipientProblem('sms', phone) !== null) {
    throw new AppError(ErrorCode.validation, 'no contact phone', 'Cần số điện thoại để nhận thông báo về hồ sơ', [{ column: 'phone', reason: 'thiếu hoặc không hợp lệ' }])
  }
  if (input.applicant.email && recipientProblem('email', input.applicant.email) !== null) {
    throw new AppError(ErrorCode.validation, 'bad email', `Địa chỉ thư điện tử không hợp lệ: ${input.applicant.email}`, [{ column: 'applicant.email', value: input.applicant.email, reason: 'không hợp lệ' }])
  }
  const procedure = await db
    .selectFrom('procedure_versions as pv')
    .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
    .select(['pv.level', 'pv.online_level', 'pv.components', 'pv.name'])
    .where('p.code', '=', input.procedureCode)
    .orderBy('pv.version', 'desc')
    .executeTakeFirst()
  if (!procedure) throw new AppError(ErrorCode.notFound, `unknown procedure ${input.procedureCode}`, `Không có thủ tục hành chính với mã ${input.procedureCode}`)
  if (procedure.online_level === 'none') {
    throw new AppError(ErrorCode.validation, 'procedure not online', `Thủ tục "${procedure.name}" chưa được cung cấp trực tuyến; mời nộp tại Bộ phận Một cửa`)
  }
  const unit = await db.selectFrom('units').select(['id', 'code', 'kind', 'name']).where('code', '=', input.unitCode).executeTakeFirst()
  if (!unit) throw new AppError(ErrorCode.notFound, `unknown unit ${input.unitCode}`, `Không có đơn vị với mã ${input.unitCode}`)
  if (unit.kind !== procedure.level) {
    throw new AppError(ErrorCode.validation, `procedure of level ${procedure.level} at ${unit.kind}`, `Thủ tục này không giải quyết tại ${unit.name}; hãy chọn đơn vị cùng cấp giải quyết`, [{ column: 'unit', value: unit.code, reason: 'không đúng cấp giải quyết' }])
  }
  const components = (procedure.components ?? []) as ProcedureComponent[]
  const positions = input.uploads.map((u) => u.position)
  const repeated = positions.filter((p, i) => positions.indexOf(p) !== i)
  if (repeated.length > 0) throw new AppError(ErrorCode.validation, 'repeated component', `Thành phần số ${repeated.join(', ')} được tải lên hai lần`)

  // Every file checked before any is kept: one bad file refuses the submission with its reason.
  const checked: (OnlineUpload & { mediaType: string; sha256: string })[] = []
  for (const upload of input.uploads) {
    const component = components[upload.position - 1]
    if (!component) throw new AppError(ErrorCode.validation, `no component ${upload.position}`, `Thủ tục không có thành phần hồ sơ số ${upload.position}`)
    const mediaType = await checkComponentUpload(component.name, upload.position, upload.fileName, upload.bytes)
    checked.push({ ...upload, mediaType, sha256: '' })
  }
  for (const file of checked) file.sha256 = await store.put(file.bytes)

  return receiveDossier(db, {
    unit: { id: unit.id, code: unit.code },
    procedureCode: input.procedureCode,
    applicant: { name: input.applicant.name, idNumber: input.applicant.idNumber, phone, address: input.applicant.address },
    channel: 'online',
    receivedComponents: positions,
    flags: input.identity.oidcSubject ? { populationDataUsed: true } : {},
    actor,
    ip: input.ip,
    tellApplicant: settings,
    alsoInTransaction: async (trx, dossier) => {
      for (const file of checked) {
        const row = await trx
          .insertInto('files')
          .values({ sha256: file.sha256, size_bytes: file.bytes.length, media_type: file.mediaType, original_name: file.fileName, uploaded_by: actor })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx.updateTable('dossier_components').set({ file_id: row.id, digitized: true, digitized_at: sql<Date>`now()` }).where('dossier_id', '=', dossier.id).where('position', '=', file.position).execute()
      }
      // Uploaded files are the dossier's digital copies: what 4.2 counts as digitized at receipt.
      await trx.updateTable('dossiers').set({ components_digitized: checked.length }).where('id', '=', dossier.id).execute()
      await trx
        .insertInto('portal_submissions')
        .values({ dossier_id: dossier.id, phone: verifiedPhone, email: input.applicant.email?.toLowerCase() ?? null, oidc_subject: input.identity.oidcSubject })
        .execute()
    },
  })
}
