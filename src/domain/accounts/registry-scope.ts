import type { UnitKind } from '../units/unit-kind.js'

/**
 * Whose officials an account sees in the registry. An office of a district or province (Văn phòng
 * HĐND&UBND, Phòng VHTT, Phòng Tư pháp…) does the registry's work for the whole administration it
 * belongs to (seed 001: Phòng VHTT hands out every commune's certificates, Phòng Tư pháp lists every
 * commune's e-certification rights), so it reaches its parent's subtree; every other account reaches
 * its own unit's subtree, as everywhere else.
 */
export function registryScopeRoot(unit: { id: number; kind: UnitKind | string }, parent: { id: number; kind: UnitKind | string } | null): number {
  if (unit.kind === 'office' && parent !== null && (parent.kind === 'district' || parent.kind === 'province')) return parent.id
  return unit.id
}
