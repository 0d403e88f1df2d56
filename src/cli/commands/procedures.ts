import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { formatBytes } from '../../domain/procedures/form-size.js'
import { FileStore } from '../../modules/desk/file-store.js'
import { attachProcedureForm } from '../../modules/procedures/forms/attach-procedure-form.js'
import { formItemOf } from '../../modules/procedures/forms/form-links.js'
import { formsOfProcedures, getProcedureId } from '../../modules/procedures/forms/procedure-forms.repository.js'
import { removeProcedureForm } from '../../modules/procedures/forms/remove-procedure-form.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- procedures forms add --procedure MÃ_TTHC --name "Tên mẫu" [--code MÃ_MẪU] TỆP(.pdf|.doc|.docx|.xlsx)
       cli -- procedures forms list --procedure MÃ_TTHC [--json]
       cli -- procedures forms remove --procedure MÃ_TTHC --code MÃ_MẪU`

async function readForm(path: string): Promise<Buffer> {
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(ErrorCode.validation, `cannot read ${path}: ${error.code}`, `Không đọc được tệp ${path}`)
  })
}

/** A procedure's forms (mẫu đơn, tờ khai): attach a file, list them, take one off — audited. */
export const proceduresCommand: Command = {
  name: 'procedures',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { procedure: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' }, json: { type: 'boolean' } }, USAGE)
    const [group, action, ...rest] = positionals
    if (group !== 'forms') throw usageError(`Nhóm lệnh không hợp lệ: ${group ?? '(trống)'} (forms)`, USAGE)
    if (!values.procedure) throw usageError('Thiếu --procedure (mã thủ tục hành chính)', USAGE)
    const handle = await context.database()
    const store = new FileStore(join(context.config.dataDir, 'files'))
    if (action === 'add') {
      if (rest.length !== 1) throw usageError('Cần đúng một tệp mẫu', USAGE)
      if (!values.name) throw usageError('Thiếu --name (tên mẫu, ví dụ "Tờ khai đăng ký khai sinh")', USAGE)
      const path = rest[0]!
      const form = await attachProcedureForm(handle.db, store, {
        procedureCode: values.procedure, code: values.code ?? null, name: values.name, fileName: basename(path), bytes: await readForm(path),
      }, { actor: context.actor })
      context.stderr(`Đã đính kèm mẫu ${form.code} "${form.name}" (${form.fileName}, ${formatBytes(form.sizeBytes)}) vào thủ tục ${form.procedureCode}.`)
      return 0
    }
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
    if (action === 'list') {
      await getProcedureId(handle.db, values.procedure)
      const forms = (await formsOfProcedures(handle.db, [values.procedure])).get(values.procedure) ?? []
      if (values.json) context.stdout(JSON.stringify(forms.map(formItemOf)))
      else if (forms.length === 0) context.stderr(`Thủ tục ${values.procedure} chưa có mẫu đơn, tờ khai.`)
      else for (const f of forms) context.stdout(`${f.code}\t${f.name}\t${f.fileName}\t${formatBytes(f.sizeBytes)}`)
      return 0
    }
    if (action === 'remove') {
      if (!values.code) throw usageError('Thiếu --code (mã mẫu cần gỡ)', USAGE)
      await removeProcedureForm(handle.db, values.procedure, values.code, { actor: context.actor })
      context.stderr(`Đã gỡ mẫu ${values.code} khỏi thủ tục ${values.procedure}.`)
      return 0
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (add, list, remove)`, USAGE)
  },
}
