import { Alert } from 'antd'
import type { DecidingLevel } from '../../../src/domain/procedures/procedure-input.js'
import { judgeProcedureLevel } from '../../../src/domain/procedures/procedure-level-guard.js'
import type { UnitKind } from '../../../src/domain/units/unit-kind.js'

/**
 * Said as soon as the procedure is chosen, by the same rule the server applies on receipt: a
 * procedure one level above the desk needs the officer's confirmation, two levels above is not
 * received here.
 */
export function LevelNotice({ procedureLevel, unitKind }: { procedureLevel: string; unitKind: string | undefined }) {
  if (!unitKind) return null
  const decision = judgeProcedureLevel(procedureLevel as DecidingLevel, unitKind as UnitKind)
  if (decision.kind === 'ok') return null
  return <Alert style={{ marginBottom: 12 }} type={decision.kind === 'refuse' ? 'error' : 'warning'} showIcon message={decision.message} data-testid="level-notice" />
}
