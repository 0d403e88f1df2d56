import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { IndicatorId } from '../../../domain/indicators/indicator-id.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { listAudit } from '../../../modules/audit/list-audit.js'
import { targetsOfYear } from '../../../modules/indicators/targets.repository.js'
import { setTarget } from '../../../modules/targets/set-target.js'
import { assertMaySetTarget } from '../../../modules/targets/who-sets-targets.js'
import { getUnitByCode, unitCodesOf } from '../../../modules/units/units.repository.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, IndicatorParam, PlainText, UnitCode } from '../../schemas.js'

const Target = z.object({
  indicator: z.string(),
  year: z.number(),
  unitKind: z.string().nullable(),
  unitCode: z.string().nullable(),
  scope: z.enum(['own', 'subtree']),
  minimum: z.number(),
  decidedBy: z.string(),
})
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** /api/v1/targets (the province's minimums and the decisions that set them) and /api/v1/audit. */
export function registerTargetAndAuditRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get('/api/v1/targets', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Chỉ tiêu của một năm', tags: ['Chỉ tiêu'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2200) }), response: { 200: z.array(Target), ...errors } },
    // Kind-wide targets are public knowledge; a unit's own target only for those who see the unit.
    handler: async (request) => {
      const visible = await unitCodesOf(handle.db, actorOf(request).unitIds)
      return (await targetsOfYear(handle.db, request.query.year)).filter((t) => t.unitCode === null || visible.has(t.unitCode))
    },
  })

  api.put('/api/v1/targets', {
    config: { access: { permission: 'targets:write' } },
    schema: {
      summary: 'Đặt chỉ tiêu (cho một loại đơn vị hoặc một đơn vị) theo văn bản giao',
      tags: ['Chỉ tiêu'],
      body: z.object({
        indicator: IndicatorParam,
        year: z.number().int().min(2000).max(2200),
        unit_kind: z.enum(['province', 'district', 'commune', 'office']).nullable().optional(),
        unit: UnitCode.nullable().optional(),
        scope: z.enum(['own', 'subtree']).default('subtree'),
        minimum: z.number().min(0).max(100),
        decided_by: PlainText(300),
      }),
      response: { 200: Target, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      if ((b.unit_kind ?? null) === null === ((b.unit ?? null) === null)) {
        throw new AppError(ErrorCode.validation, 'kind xor unit', 'Chỉ tiêu phải dành cho một loại đơn vị hoặc một đơn vị (chọn một trong hai)')
      }
      const actor = actorOf(request)
      assertMaySetTarget(actor, b.unit ? await getUnitByCode(handle.db, b.unit) : null)
      const target = { indicator: b.indicator as IndicatorId, year: b.year, unitKind: b.unit ? null : b.unit_kind ?? null, unitCode: b.unit ?? null, scope: b.scope, minimum: b.minimum, decidedBy: b.decided_by }
      await setTarget(handle.db, target, { actor: actor.label, ip: request.ip })
      return target
    },
  })

  api.get('/api/v1/audit', {
    config: { access: { permission: 'audit:read' } },
    schema: {
      summary: 'Nhật ký thay đổi (mới nhất trước)',
      tags: ['Nhật ký'],
      querystring: z.object({ before_id: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(100), action: PlainText(100).optional() }),
      response: {
        200: z.array(z.object({ id: z.string(), at: z.date(), actor: z.string(), ip: z.string().nullable(), action: z.string(), entity: z.string(), entity_id: z.string().nullable(), summary: z.unknown() })),
        ...errors,
      },
    },
    handler: async (request) => {
      const actor = actorOf(request)
      const q = request.query
      // Below the province, whatever the role, one reads what the accounts of one's units did.
      return listAudit(handle.db, { limit: q.limit, beforeId: q.before_id, action: q.action, accountsOfUnits: actor.atRoot ? undefined : actor.unitIds })
    },
  })
}
