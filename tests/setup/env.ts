// Every test worker: a throw-away field-encryption key and session secret (never committed ones).
import { randomBytes } from 'node:crypto'

process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('base64')
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64')
