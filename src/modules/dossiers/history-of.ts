import type { DossierEvent, DossierEventType } from '../../domain/dossiers/dossier-event.js'
import type { DossierStatus } from '../../domain/dossiers/dossier-status.js'

export interface StoredEvent {
  type: string
  at: Date
  actor: string
  reason: string | null
  status_after: string
  data: unknown
}

/** A dossier's stored events as the domain reads them (imports carry the other system's times in `data`). */
export function historyOf(rows: readonly StoredEvent[]): DossierEvent[] {
  return rows.map((r) => {
    const data = (r.data ?? {}) as { finished_at?: string | null; returned_at?: string | null; assignee?: string | null; assigned_unit?: string | null }
    return {
      type: r.type as DossierEventType,
      at: r.at,
      actor: r.actor,
      reason: r.reason,
      status: r.status_after as DossierStatus,
      finishedAt: data.finished_at ? new Date(data.finished_at) : null,
      returnedAt: data.returned_at ? new Date(data.returned_at) : null,
      assignee: data.assignee ?? null,
      assignedUnit: data.assigned_unit ?? null,
    }
  })
}
