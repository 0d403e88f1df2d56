import { sql, type Kysely } from 'kysely'

/**
 * The small district of UNITS_CSV (Hải Dương, Tứ Kỳ, An Thanh, Quang Trung) written straight
 * into the tables of a database left at an older migration: today's unit import keeps tables
 * that older schema lacks, so a test of a later migration's move of data (or of restoring an
 * older backup) builds its units the way that schema held them — rows, closure, heirs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertUnitsAsThen(db: Kysely<any>): Promise<void> {
  await sql`insert into units (code, name, kind, parent_id) values ('H23', 'Tỉnh Hải Dương', 'province', null)`.execute(db)
  await sql`insert into units (code, name, kind, parent_id) select 'H23.07', 'Huyện Tứ Kỳ', 'district', id from units where code = 'H23'`.execute(db)
  await sql`insert into units (code, name, kind, parent_id) select c.code, c.name, 'commune', d.id
    from (values ('H23.07.01', 'Xã An Thanh'), ('H23.07.02', 'Xã Quang Trung')) as c (code, name), units d where d.code = 'H23.07'`.execute(db)
  await sql`insert into unit_closure (ancestor_id, descendant_id, depth)
    with recursive up (ancestor_id, descendant_id, depth) as (
      select id, id, 0 from units
      union all
      select u.parent_id, up.descendant_id, up.depth + 1 from up join units u on u.id = up.ancestor_id where u.parent_id is not null
    ) select * from up`.execute(db)
  await sql`insert into unit_heirs (unit_id, heir_id, depth) select id, id, 0 from units`.execute(db)
}
