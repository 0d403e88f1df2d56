import { SIGNER_POSITION_LABELS, SIGNER_POSITIONS, type SignerPosition } from '../../domain/reports/signature-authority.js'
import { setSigner } from '../../modules/letters/set-signer.js'
import { listSigners } from '../../modules/letters/signers.repository.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- signers set --unit MÃ --position ${SIGNER_POSITIONS.join('|')} --name "HỌ VÀ TÊN"
       cli -- signers list --unit MÃ [--json]`

/** Who signs a unit's letters and reports: the name under "CHỦ TỊCH", "PHÓ CHỦ TỊCH"… */
export const signersCommand: Command = {
  name: 'signers',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, position: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } }, USAGE)
    const [action, ...rest] = positionals
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
    if (!values.unit) throw usageError('Thiếu --unit (mã đơn vị)', USAGE)
    const handle = await context.database()
    if (action === 'set') {
      const position = values.position as SignerPosition | undefined
      if (!position || !SIGNER_POSITIONS.includes(position)) throw usageError(`--position phải là ${SIGNER_POSITIONS.join(', ')}`, USAGE)
      if (!values.name) throw usageError('Thiếu --name (họ và tên người ký)', USAGE)
      await setSigner(handle.db, { unitCode: values.unit, position, name: values.name }, context.actor)
      context.stderr(`Đã ghi ${SIGNER_POSITION_LABELS[position]} của ${values.unit}: ${values.name.trim()}.`)
      return 0
    }
    if (action === 'list') {
      const signers = await listSigners(handle.db, values.unit)
      if (values.json) context.stdout(JSON.stringify(signers))
      else for (const s of signers) context.stdout(`${SIGNER_POSITION_LABELS[s.position]}: ${s.name}`)
      return 0
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (set, list)`, USAGE)
  },
}
