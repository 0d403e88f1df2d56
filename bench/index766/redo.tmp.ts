import { sql } from 'kysely'
import { openDatabase } from '../../src/db/open-database.js'
import { down } from '../../src/db/migrations/20261126_032_index766cold_partials.js'
import { migrateToLatest } from '../../src/db/migrate.js'
const serverUrl = process.env.DATABASE_URL || undefined
const url = serverUrl ? Object.assign(new URL(serverUrl), { pathname: '/motcua_bench766' }).toString() : undefined
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir: '/work/wt/index766-cold/bench/out/index766-pglite/data' })
await down(handle.db)
await sql`delete from kysely_migration where name = '20261126_032_index766cold_partials'`.execute(handle.db)
await migrateToLatest(handle.db)
await handle.close()
