import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The two-level government (1/7/2025): a unit's figures include the dossiers of the units it
 * succeeded, transitively. unit_heirs holds, for each unit, itself (depth 0) and every unit along
 * its successor chain (depth 1, 2…): the units its history rolls into. Rebuilt with the closure
 * whenever units change, in the same transaction; a change bumps the data version.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table unit_heirs (
      unit_id integer not null references units(id),
      heir_id integer not null references units(id),
      depth integer not null check (depth >= 0),
      primary key (unit_id, heir_id)
    );
    create index unit_heirs_heir on unit_heirs (heir_id, unit_id);
    insert into unit_heirs (unit_id, heir_id, depth)
    with recursive chain (unit_id, heir_id, depth) as (
      select id, id, 0 from units
      union all
      select chain.unit_id, units.successor_id, chain.depth + 1
      from chain join units on units.id = chain.heir_id
      where units.successor_id is not null and chain.depth < 64
    )
    select unit_id, heir_id, min(depth) from chain group by unit_id, heir_id;
    create trigger unit_heirs_data_version after insert or update or delete or truncate on unit_heirs
      for each statement execute function bump_data_version();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists unit_heirs_data_version on unit_heirs;
    drop table if exists unit_heirs;
  `)
}
