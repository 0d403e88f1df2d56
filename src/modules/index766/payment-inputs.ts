import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { PaymentInput } from '../../domain/index766/score-unit.js'
import type { UnitKind } from '../../domain/units/unit-kind.js'
import { LEVELS_OF } from './publication-inputs.js'

interface FeeProcedureRow {
  procedure_id: number
  payment_integrated: boolean | null
  paid_online: boolean
}

/**
 * 3.5 for a unit (its subtree) and a period, over the procedures it answers for (its level and
 * below, as 1.1–1.3) whose version in force at the period's end has a non-zero fee:
 * - B: those whose fee is integrated for online payment (tích hợp thanh toán trực tuyến) / those
 *   whose integration is known; null ("chưa có dữ liệu") when no such procedure's is known;
 * - C: those with at least one dossier of the subtree paid online in the period / all of them. A
 *   dossier is paid in the period when its payment time is (the desk records it), else when it
 *   was received in it (a file gives no payment time: online payment comes with the submission,
 *   as 3.6 counts it).
 */
export async function paymentInputs(db: Kysely<Database>, unitId: number, start: Date, end: Date): Promise<PaymentInput> {
  const unit = await db.selectFrom('units').select('kind').where('id', '=', unitId).executeTakeFirstOrThrow()
  const levels = LEVELS_OF[unit.kind as UnitKind] ?? LEVELS_OF.province
  const { rows } = await sql<FeeProcedureRow>`
    with in_force as (
      select distinct on (pv.procedure_id) pv.procedure_id, pv.fee_vnd, pv.payment_integrated
      from procedure_versions pv
      where pv.level in (${sql.join(levels)}) and (pv.valid_from is null or pv.valid_from < ${end})
      order by pv.procedure_id, pv.version desc
    ),
    paid as (
      -- paid_at ≥ received_at: the receipt bound lets an index on received_at serve.
      select distinct d.procedure_id
      from dossiers d
      join unit_closure c on c.descendant_id = d.receiving_unit_id
      where c.ancestor_id = ${unitId} and d.paid_online and d.fee_vnd > 0 and d.received_at < ${end}
        and coalesce(d.paid_at, d.received_at) >= ${start} and coalesce(d.paid_at, d.received_at) < ${end}
    )
    select f.procedure_id, f.payment_integrated, (p.procedure_id is not null) as paid_online
    from in_force f
    left join paid p on p.procedure_id = f.procedure_id
    where f.fee_vnd > 0
  `.execute(db)
  const known = rows.filter((r) => r.payment_integrated !== null)
  return {
    b: known.length === 0 ? null : { numerator: known.filter((r) => r.payment_integrated === true).length, denominator: known.length },
    c: { numerator: rows.filter((r) => r.paid_online === true).length, denominator: rows.length },
  }
}
