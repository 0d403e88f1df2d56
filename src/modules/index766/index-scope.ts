import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import type { Attribution } from '../indicators/rollup.repository.js'
import { heirOnDay } from '../indicators/scope-members.js'

/**
 * Which units' dossiers feed each scored unit, as the indicators count them
 * (docs/TWO-LEVEL-GOVERNMENT.md): a unit's subtree and every unit those succeeded (unit_heirs),
 * each once, on the tree of a day; processing and lateness at the receiver or at the decider.
 */
export interface IndexScopeOptions {
  /** The day of the tree communes are counted by (4.ct) and children listed; default: the period's last day. */
  treeDay?: LocalDate | undefined
  /** Processing and lateness (2.1, 2.2, 5.4, 4.1) at the receiving unit (default) or the deciding one. */
  attribution?: Attribution | undefined
}

/**
 * Each scope's member units as (ancestor_id = the scope, descendant_id = a member), the columns
 * of unit_closure, so an input joins it where it joined the stored tree: the scope's subtree and
 * every unit a unit of it succeeded, transitively (scope-members.ts).
 */
export function scopeMembersOf(db: Kysely<Database>, scopeIds: readonly number[]) {
  return db
    .selectFrom('unit_closure as member_tree')
    .innerJoin('unit_heirs as member_heir', 'member_heir.heir_id', 'member_tree.descendant_id')
    .where('member_tree.ancestor_id', 'in', [...scopeIds])
    .select(['member_tree.ancestor_id as ancestor_id', 'member_heir.unit_id as descendant_id'])
    .distinct()
}

/** `scopeMembersOf` for raw SQL: a derived table with the same two columns. */
export function scopeMembersSql(scopeIds: readonly number[]): RawBuilder<unknown> {
  return sql`(select distinct member_tree.ancestor_id, member_heir.unit_id as descendant_id
    from unit_closure member_tree join unit_heirs member_heir on member_heir.heir_id = member_tree.descendant_id
    where member_tree.ancestor_id in (${sql.join([...scopeIds])}))`
}

/** The dossier column a processing input follows: the receiving unit, or the deciding unit when asked by the decider. */
export function processingUnitColumn(attribution: Attribution | undefined): 'receiving_unit_id' | 'deciding_unit_id' {
  return attribution === 'decider' ? 'deciding_unit_id' : 'receiving_unit_id'
}

/**
 * The communes each scope stands for on the tree's day (4.ct's denominator): its member
 * communes counted as the commune each had become that day and existed then, each once — four
 * communes merged into one count once by today's units and four times by 2022's tree, as
 * ecert_units counts them (rollup.repository).
 */
export async function communesOnTreeDay(db: Kysely<Database>, scopeIds: readonly number[], treeDay: LocalDate): Promise<Map<number, number>> {
  if (scopeIds.length === 0) return new Map()
  const { rows } = await sql<{ scope_id: number; n: number }>`
    select m.ancestor_id as scope_id, count(distinct w.heir_id)::int as n
    from ${scopeMembersSql(scopeIds)} m
    join units u on u.id = m.descendant_id
    cross join lateral (${heirOnDay(sql`m.descendant_id`, treeDay)}) w
    join units heir on heir.id = w.heir_id
    where u.kind = 'commune' and heir.kind = 'commune'
      and (heir.valid_from is null or heir.valid_from <= ${treeDay}::date) and (heir.valid_to is null or heir.valid_to >= ${treeDay}::date)
    group by m.ancestor_id`.execute(db)
  return new Map(rows.map((row) => [Number(row.scope_id), Number(row.n)]))
}

/** Every member unit of the scopes (a one-column subquery, for `in`). */
export function scopeMemberUnitIds(db: Kysely<Database>, scopeIds: readonly number[]) {
  return db
    .selectFrom('unit_closure as member_tree')
    .innerJoin('unit_heirs as member_heir', 'member_heir.heir_id', 'member_tree.descendant_id')
    .where('member_tree.ancestor_id', 'in', [...scopeIds])
    .select('member_heir.unit_id')
}
