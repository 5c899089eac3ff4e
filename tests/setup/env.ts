// Every test worker: a throw-away field-encryption key (never a committed one).
import { randomBytes } from 'node:crypto'

process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('base64')
