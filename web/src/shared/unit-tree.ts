import type { Unit } from './api.js'

export interface UnitTreeNode {
  value: string
  title: string
  children: UnitTreeNode[]
}

/** The units a user may see, as the tree the unit pickers show (roots: the user's own units). */
export function buildUnitTree(units: Unit[]): UnitTreeNode[] {
  const nodes = new Map(units.map((u) => [u.code, { value: u.code, title: u.name, children: [] as UnitTreeNode[] }]))
  const roots: UnitTreeNode[] = []
  for (const u of units) {
    const node = nodes.get(u.code)!
    const parent = u.parent_code ? nodes.get(u.parent_code) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
