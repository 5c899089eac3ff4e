import 'server-only'
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/**
 * Field encryption at rest for sensitive personal information (PIPL Art. 28–31): AES-256-GCM with a
 * 32-byte key from DATA_ENCRYPTION_KEY (base64). Development generates one into .env on first run
 * (prisma/prepare.ts); it is never committed. Stored as "v1:<iv>:<tag>:<ciphertext>" (base64 parts),
 * so the key can be rotated under a new version later.
 */
function key(): Buffer {
  const raw = process.env.DATA_ENCRYPTION_KEY
  if (!raw) throw new Error('DATA_ENCRYPTION_KEY is not set: sensitive fields cannot be stored or read')
  const k = Buffer.from(raw, 'base64')
  if (k.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
  return k
}

export function encryptField(plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':')
}

export function decryptField(stored: string): string {
  const [v, iv, tag, ct] = stored.split(':')
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format')
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8')
}

/**
 * A keyed fingerprint (HMAC-SHA-256 under the data key) of a sensitive value, for uniqueness checks and
 * look-ups without storing the value in clear. `purpose` separates fingerprints of different fields.
 */
export function fingerprint(purpose: string, value: string): string {
  return createHmac('sha256', key()).update(`${purpose}\u0000${value}`).digest('base64url')
}
