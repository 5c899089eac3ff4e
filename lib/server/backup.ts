import 'server-only'
import { createGunzip, createGzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { PrismaClient } from './generated/prisma/client'

/**
 * Logical backup and restore, the same for PGlite and PostgreSQL: every table of the public schema (the
 * migration history included) as JSON rows, in a gzip'd NDJSON file:
 *   {"format":"ronghe-backup/1","createdAt":…,"migrations":[…],"tables":[…]}   header
 *   {"@table":"Need","rows":1234}                                            each table, then its rows
 *   {…row as row_to_json…}
 * Restore goes into a migrated, empty database of the same migrations: rows are inserted with
 * json_populate_recordset (the database converts every type back), with foreign-key and user triggers
 * held off for the session (session_replication_role = replica), in one transaction: all or nothing.
 */

type Client = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe' | '$transaction'>
export const BACKUP_FORMAT = 'ronghe-backup/1'
const BATCH = 2_000

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The tables of the public schema, by name (the app's tables and Prisma's migration history). */
export async function tablesOf(client: Client): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  return rows.map((r) => r.table_name)
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`)
  return rows.map((r) => r.migration_name)
}

/** Writes the backup to `out`; returns the row count per table. */
export async function backup(client: Client, out: Writable, now = new Date()): Promise<Record<string, number>> {
  const tables = await tablesOf(client)
  const gz = createGzip()
  gz.pipe(out)
  const write = (line: unknown) => new Promise<void>((resolve, reject) => (gz.write(`${JSON.stringify(line)}\n`, (e) => (e ? reject(e) : resolve()))))
  const counts: Record<string, number> = {}
  // one snapshot for the whole file: a backup taken during activity is consistent
  await client.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      await write({ format: BACKUP_FORMAT, createdAt: now.toISOString(), migrations: await appliedMigrations(tx), tables })
      for (const t of tables) {
        const [{ n }] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*)::bigint AS n FROM ${q(t)}`)
        counts[t] = Number(n)
        await write({ '@table': t, rows: counts[t] })
        // keyset pages by physical row id, stable inside this snapshot: no OFFSET that grows with the table
        for (let after = '(0,0)'; ; ) {
          const rows = await tx.$queryRawUnsafe<{ c: string; r: string }[]>(`SELECT ctid::text AS c, row_to_json(x)::text AS r FROM ${q(t)} x WHERE ctid > $1::tid ORDER BY ctid LIMIT ${BATCH}`, after)
          for (const { r } of rows) await new Promise<void>((resolve, reject) => gz.write(`${r}\n`, (e) => (e ? reject(e) : resolve())))
          if (rows.length < BATCH) break
          after = rows[rows.length - 1].c
        }
      }
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  )
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve)
    out.once('error', reject)
    gz.end()
  })
  return counts
}

export class RestoreRefused extends Error {}

/**
 * Restores a backup into `client`'s database, which must hold the same migrations and no rows (or pass
 * `replace` to empty it first, in the same transaction). Returns the row count per table.
 */
export async function restore(client: Client, input: Readable, opts: { replace?: boolean } = {}): Promise<Record<string, number>> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })
  const it = lines[Symbol.asyncIterator]()
  const first = await it.next()
  const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[]; tables?: string[] })
  if (!header || header.format !== BACKUP_FORMAT) throw new RestoreRefused('not a Ronghe backup file')
  const tables = await tablesOf(client)
  const here = await appliedMigrations(client)
  if (JSON.stringify(here) !== JSON.stringify(header.migrations)) throw new RestoreRefused(`migrations differ: backup has ${header.migrations?.length ?? 0}, this database ${here.length} — run db:migrate to the backup's version first`)
  const counts: Record<string, number> = {}
  await client.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`)
      const data = tables.filter((t) => t !== '_prisma_migrations')
      for (const t of data) {
        const [{ n }] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*)::bigint AS n FROM ${q(t)}`)
        if (Number(n) > 0) {
          if (!opts.replace) throw new RestoreRefused(`the target database is not empty (${t} has ${n} rows); pass --replace to empty it`)
          await tx.$executeRawUnsafe(`DELETE FROM ${q(t)}`) // triggers are off: append-only tables too
        }
      }
      let table: string | null = null
      let batch: string[] = []
      const flush = async () => {
        if (!table || !batch.length) return
        await tx.$executeRawUnsafe(`INSERT INTO ${q(table)} SELECT * FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, `[${batch.join(',')}]`)
        counts[table] = (counts[table] ?? 0) + batch.length
        batch = []
      }
      for (let next = await it.next(); !next.done; next = await it.next()) {
        const line = next.value
        if (!line) continue
        if (line.startsWith('{"@table":')) {
          await flush()
          const t = (JSON.parse(line) as { '@table': string })['@table']
          if (!tables.includes(t)) throw new RestoreRefused(`unknown table ${t}`)
          table = t === '_prisma_migrations' ? null : t // the target's own history stays (checked equal above)
          counts[t] = 0
          continue
        }
        if (!table) continue
        batch.push(line)
        if (batch.length >= BATCH) await flush()
      }
      await flush()
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  )
  return counts
}
