import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { writeAudit } from '../../audit/write-audit.js'
import { deleteProcedureForm, getProcedureForm } from './procedure-forms.repository.js'
import type { Who } from './attach-procedure-form.js'

/**
 * Takes a form off a procedure: the row and the audit row (naming the file by its hash) in one
 * transaction. The bytes stay in the file store, which other rows may share by content.
 */
export async function removeProcedureForm(db: Kysely<Database>, procedureCode: string, formCode: string, who: Who): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const form = await getProcedureForm(trx, procedureCode, formCode)
    await deleteProcedureForm(trx, procedureCode, formCode)
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: 'procedure.form_remove', entity: 'procedure', entityId: procedureCode,
      summary: { form: formCode, name: form.name, file_name: form.fileName, sha256: form.sha256 },
    })
  })
}
