// `npm run db:purge`: the retention job. Deletes audit entries older than AUDIT_RETENTION_DAYS
// (default 365, never less than 180: the database refuses younger ones) and spent rate-limit windows.
// Run it daily (cron / systemd timer); it is safe to run any time and as often as you like.
import fs from 'node:fs'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
const { db, disconnectDb } = await import('@/lib/server/db')
const { purgeAudit, auditRetentionDays } = await import('@/lib/server/security/audit')
const { purgeRateLimits } = await import('@/lib/server/security/rate-limit')
await db()
const started = Date.now()
const audit = await purgeAudit()
const buckets = await purgeRateLimits()
console.log(`已清理：审计日志 ${audit} 条（保留 ${auditRetentionDays()} 天），限流计数 ${buckets} 条，用时 ${Date.now() - started} ms`)
await disconnectDb()
