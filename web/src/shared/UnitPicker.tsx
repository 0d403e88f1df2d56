import { TreeSelect } from 'antd'
import { useMemo, type CSSProperties } from 'react'
import { api, type Unit } from './api.js'
import { buildUnitTree } from './unit-tree.js'
import { useApiData } from './use-api-data.js'

// The units a user may see change rarely: one request for all the pages of a visit.
let visibleUnits: Promise<Unit[]> | null = null

const NO_UNITS: Unit[] = []

/** The units the signed-in user may see (their subtree), loaded once per visit; empty on failure. */
export function useVisibleUnits(): Unit[] {
  // Not aborted with the page: the one request is shared by every page of the visit.
  const { data } = useApiData(
    () =>
      (visibleUnits ??= api.units().catch(() => {
        visibleUnits = null
        return NO_UNITS
      })),
    [],
  )
  return data ?? NO_UNITS
}

// The tree of a day, per day asked (a visit asks few: the period's end, today).
const treesByDay = new Map<string, Promise<Unit[]>>()

/** The visible units existing on a day, each under its parent of that day (GET /api/v1/units?as_of=). */
export function useUnitsAsOf(day: string): Unit[] | undefined {
  const { data } = useApiData(() => {
    let tree = treesByDay.get(day)
    if (!tree) {
      tree = api.unitsAsOf(day).catch(() => {
        treesByDay.delete(day)
        return NO_UNITS
      })
      treesByDay.set(day, tree)
    }
    return tree
  }, [day])
  return data ?? undefined
}

/** Forgotten at logout, so the next user does not see the previous one's units. */
export function forgetVisibleUnits(): void {
  visibleUnits = null
  treesByDay.clear()
}

interface Props {
  id?: string
  units: Unit[]
  value: string | undefined
  /** Opened at first: the user's own unit. */
  expanded: string
  onChange: (code: string) => void
  style?: CSSProperties
}

/** Chọn đơn vị: the tree of visible units, searchable by name. */
export function UnitPicker({ id, units, value, expanded, onChange, style }: Props) {
  const tree = useMemo(() => buildUnitTree(units), [units])
  return (
    <TreeSelect
      {...(id ? { id } : {})}
      style={{ width: 280, ...style }}
      treeData={tree}
      value={units.length ? value : undefined}
      placeholder="Chọn đơn vị"
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={[expanded]}
      onChange={(code: string) => code && onChange(code)}
      notFoundContent="Không tìm thấy đơn vị"
      aria-label="Chọn đơn vị"
    />
  )
}

/** Whether there is anything to choose: more than the user's own unit. */
export function hasChoice(units: Unit[]): boolean {
  return units.length > 1
}
