import { appendAuditAnchor } from '../../modules/audit/audit-anchors.js'
import { parseRecordedHead } from '../../modules/audit/recorded-heads.js'
import { verifyAuditChain } from '../../modules/audit/verify-audit-chain.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'
import { listAudit } from '../../modules/audit/list-audit.js'

const USAGE = 'cli -- audit verify [--head ID:HASH]… [--json] | cli -- audit anchor | cli -- audit list [--limit N] [--json] [--data DIR]'

export const auditCommand: Command = {
  name: 'audit',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, limit: { type: 'string' }, head: { type: 'string', multiple: true } }, USAGE)
    const [action] = positionals
    const handle = await context.database()
    if (action === 'verify') {
      const heads = (values.head ?? []).map((text) => {
        const head = parseRecordedHead(text)
        if (!head) throw usageError(`--head không hợp lệ: ${text} (cần ID:MÃ_BĂM, như trong báo cáo)`, USAGE)
        return head
      })
      const anchors = context.auditAnchors()
      const result = await verifyAuditChain(handle.db, anchors, heads)
      if (values.json) context.stdout(JSON.stringify(result))
      if (result.ok) {
        const anchored = result.anchors ? `, khớp ${result.anchors.toLocaleString('vi-VN')} mốc neo ngoài cơ sở dữ liệu (${anchors.path})` : ', chưa có mốc neo ngoài cơ sở dữ liệu'
        context.stderr(`Nhật ký kiểm tra toàn vẹn: ${result.rows.toLocaleString('vi-VN')} dòng, chuỗi băm liền mạch${anchored}.`)
        return 0
      }
      context.stderr(`Nhật ký đã bị can thiệp (${result.problems.length} vấn đề):`)
      for (const problem of result.problems.slice(0, 50)) context.stderr(`  - ${problem.reason}`)
      return 1
    }
    if (action === 'anchor') {
      const anchors = context.auditAnchors()
      const anchor = await appendAuditAnchor(handle.db, anchors)
      context.stderr(anchor ? `Đã neo nhật ký đến dòng ${anchor.last_id} vào ${anchors.path}.` : 'Nhật ký không đổi từ mốc neo trước.')
      return 0
    }
    if (action === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw usageError(`--limit không hợp lệ: ${values.limit}`, USAGE)
      const rows = await listAudit(handle.db, { limit })
      if (values.json) context.stdout(JSON.stringify(rows))
      else for (const r of rows.reverse()) context.stdout(`${r.id}\t${r.at.toISOString()}\t${r.actor}\t${r.action}\t${r.entity}${r.entity_id ? `:${r.entity_id}` : ''}\t${JSON.stringify(r.summary)}`)
      return 0
    }
    throw usageError(`Lệnh audit không hợp lệ: ${action ?? '(trống)'}`, USAGE)
  },
}
