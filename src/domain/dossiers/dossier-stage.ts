import { DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier-status.js'

/**
 * Where a dossier in processing stands inside the unit: the statuses of INTERCHANGE.md say
 * "processing" from the hand-over to the result, the counter needs to say more.
 */
export const WorkStage = {
  awaitingSignature: 'awaiting_signature', // trình ký
  approved: 'approved', // đã phê duyệt
} as const
export type WorkStage = (typeof WorkStage)[keyof typeof WorkStage]
export const WORK_STAGES = Object.values(WorkStage) as readonly WorkStage[]

export const WORK_STAGE_LABELS: Record<WorkStage, string> = {
  awaiting_signature: 'Trình ký',
  approved: 'Đã phê duyệt',
}

/** The stage a history leads to (only while processing: a result or an end says the rest). */
export function workStageOf(state: { status: DossierStatus; awaitingSignature: boolean; approved: boolean }): WorkStage | null {
  if (state.status !== 'processing') return null
  if (state.awaitingSignature) return WorkStage.awaitingSignature
  if (state.approved) return WorkStage.approved
  return null
}

function isWorkStage(value: string | null): value is WorkStage {
  return value !== null && (WORK_STAGES as readonly string[]).includes(value)
}

/** The words the desk shows for where a dossier is: "Trình ký", "Đã phê duyệt", else its status. */
export function progressLabel(status: DossierStatus, stage: string | null): string {
  if (status === 'processing' && isWorkStage(stage)) return WORK_STAGE_LABELS[stage]
  return DOSSIER_STATUS_LABELS[status] ?? status
}
