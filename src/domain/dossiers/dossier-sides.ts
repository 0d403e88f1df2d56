import { AppError, ErrorCode } from '../shared/app-error.js'
import { DossierEventType } from './dossier-event.js'
import type { DossierFlagColumn } from './dossier-flags.js'

/*
 * Since Decree 118/2025 a dossier may be received by one unit (its one-stop desk) and decided by
 * another (a commune of the province, a department). Each side's figures are its own: reception,
 * payment, digitization of the dossier and the 766 reception facts count at the receiver; the
 * result, its timeliness and the electronic result at the decider (docs/TWO-LEVEL-GOVERNMENT.md).
 * So each side's steps and records are taken by accounts of that side only — neither unit can
 * move the other's figures. When one unit both receives and decides (the usual case) its
 * accounts act for both sides, as do those of a unit above both.
 */
export type DossierSide = 'receiver' | 'decider'

export const DOSSIER_SIDE_LABELS: Record<DossierSide, string> = {
  receiver: 'đơn vị tiếp nhận',
  decider: 'đơn vị giải quyết',
}

/** The side whose accounts take each desk step (receipt and imports have their own ways in). */
export const STEP_SIDES: Record<Exclude<DossierEventType, 'receive' | 'imported' | 'status_synced'>, DossierSide> = {
  [DossierEventType.handOver]: 'receiver', // the desk hands the dossier to the deciding unit
  [DossierEventType.supplementReceived]: 'receiver', // the applicant brings the papers to the desk
  [DossierEventType.return]: 'receiver', // the desk returns the result
  [DossierEventType.withdraw]: 'receiver', // the applicant withdraws at the desk
  [DossierEventType.assign]: 'decider',
  [DossierEventType.requestSupplement]: 'decider',
  [DossierEventType.pause]: 'decider',
  [DossierEventType.resume]: 'decider',
  [DossierEventType.submitForSignature]: 'decider',
  [DossierEventType.approve]: 'decider',
  [DossierEventType.finish]: 'decider',
  [DossierEventType.reject]: 'decider',
}

/** The side that declares each Decision 766 fact: where it counts (4.1 at the decider, the rest at the receiver). */
export const FLAG_SIDES: Record<DossierFlagColumn, DossierSide> = {
  synced_national: 'receiver',
  reused_data: 'receiver',
  linked_data_store: 'receiver',
  population_data_used: 'receiver',
  result_on_paper: 'decider',
  e_result_issued: 'decider',
}

/** The records a desk writes besides steps, and their side. */
export const RECORD_SIDES = {
  componentScan: 'receiver',
  payment: 'receiver',
  resultFile: 'decider',
  resultSignature: 'decider',
} as const satisfies Record<string, DossierSide>

export interface DossierUnits {
  receiving_unit_id: number
  deciding_unit_id: number
}

/** The sides an account of these units acts for on this dossier. */
export function sidesActedFor(dossier: DossierUnits, unitIds: ReadonlySet<number>): ReadonlySet<DossierSide> {
  const sides = new Set<DossierSide>()
  if (unitIds.has(dossier.receiving_unit_id)) sides.add('receiver')
  if (unitIds.has(dossier.deciding_unit_id)) sides.add('decider')
  return sides
}

/** A 403 naming what was refused and whose it is, or null. */
export function sideRefusal(side: DossierSide, sides: ReadonlySet<DossierSide>, what: string): AppError | null {
  if (sides.has(side)) return null
  return new AppError(ErrorCode.forbidden, `${what}: only the ${side} side`, `"${what}" do ${DOSSIER_SIDE_LABELS[side]} của hồ sơ thực hiện; tài khoản của bạn không thuộc ${DOSSIER_SIDE_LABELS[side]}`)
}

/** A 403 when a desk step belongs to a side the taker does not act for, or null (steps without a side: receipt, imports). */
export function stepSideRefusal(type: DossierEventType, sides: ReadonlySet<DossierSide>, label: string): AppError | null {
  const side = (STEP_SIDES as Partial<Record<DossierEventType, DossierSide>>)[type]
  return side === undefined ? null : sideRefusal(side, sides, label)
}

export function assertActsFor(side: DossierSide, sides: ReadonlySet<DossierSide>, what: string): void {
  const refusal = sideRefusal(side, sides, what)
  if (refusal) throw refusal
}
