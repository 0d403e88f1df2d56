import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    -- A minimum of one indicator for a year, for a kind of unit or one unit, set by a decision.
    create table targets (
      id integer generated always as identity primary key,
      indicator text not null,
      year integer not null check (year between 2000 and 2200),
      unit_kind text check (unit_kind in ('province', 'district', 'commune', 'office')),
      unit_id integer references units(id),
      scope text not null default 'subtree' check (scope in ('own', 'subtree')),
      minimum numeric(5, 2) not null check (minimum between 0 and 100),
      decided_by text not null,
      created_at timestamptz not null default now(),
      check ((unit_kind is null) <> (unit_id is null))
    );
    create unique index targets_kind_unique on targets (indicator, year, unit_kind, scope) where unit_kind is not null;
    create unique index targets_unit_unique on targets (indicator, year, unit_id, scope) where unit_id is not null;
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists targets')
}
