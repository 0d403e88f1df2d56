import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { SignerPosition } from '../../domain/reports/signature-authority.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { findUnitByCode } from '../units/units.repository.js'
import { saveSigner } from './signers.repository.js'

/** `signers set`: who holds a signing position of a unit, audited with the name it replaces. */
export async function setSigner(db: Kysely<Database>, input: { unitCode: string; position: SignerPosition; name: string }, actor: string): Promise<void> {
  const name = input.name.trim().replace(/\s+/g, ' ')
  if (name === '' || name.length > 200) throw new AppError(ErrorCode.validation, 'signer name', 'Họ và tên người ký phải có từ 1 đến 200 ký tự', [{ column: 'name', reason: 'độ dài không hợp lệ' }])
  const unit = await findUnitByCode(db, input.unitCode)
  if (!unit) throw new AppError(ErrorCode.notFound, `unit ${input.unitCode} not found`, `Không có đơn vị với mã ${input.unitCode}`)
  await db.transaction().execute(async (trx) => {
    const before = await saveSigner(trx, unit.id, input.position, name)
    await writeAudit(trx, { actor, action: 'signer.set', entity: 'unit', entityId: unit.code, summary: { position: input.position, name, before } })
  })
}
