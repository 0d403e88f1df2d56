import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The audit head is guarded like the log: it is never inserted, deleted or truncated, and it only
 * moves forward along the chain — to a row whose prev_hash links, row by row, back to the head it
 * replaces. Pointing it back (to hide a cut tail) or at a hash no row has is refused. A normal
 * write advances it by one row; a restore advances it over the whole restored log at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create function guard_audit_head() returns trigger language plpgsql as $$
    declare
      expected text;
      newest boolean := true;
      r record;
    begin
      if tg_op <> 'UPDATE' then
        raise exception 'audit_head is guarded: % refused', tg_op using errcode = 'P0001';
      end if;
      if new.id <> old.id or new.last_id <= old.last_id then
        raise exception 'audit_head may only advance along the chain' using errcode = 'P0001';
      end if;
      expected := new.last_hash;
      for r in select id, hash, prev_hash from audit_log where id > old.last_id and id <= new.last_id order by id desc loop
        if (newest and r.id <> new.last_id) or r.hash <> expected then
          raise exception 'audit_head may only advance along the chain (row %)', r.id using errcode = 'P0001';
        end if;
        newest := false;
        expected := r.prev_hash;
      end loop;
      if newest or expected <> old.last_hash then
        raise exception 'audit_head may only advance along the chain' using errcode = 'P0001';
      end if;
      return new;
    end $$;
    create trigger audit_head_guard before insert or update or delete on audit_head
      for each row execute function guard_audit_head();
    create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function refuse_audit_change();
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    drop trigger if exists audit_head_no_truncate on audit_head;
    drop trigger if exists audit_head_guard on audit_head;
    drop function if exists guard_audit_head();
  `)
}
