import 'server-only'
import { createHash, randomBytes } from 'node:crypto'

/**
 * The spot-check sampler, deterministic so anyone can re-run a draw from what it stored.
 *
 * Stream: SHA-256 in counter mode. Block i (i = 0, 1, 2 …) is SHA-256(seedBytes ‖ uint32be(i)), where
 * seedBytes are the 16 bytes of the 32-hex-digit seed; the stream is the blocks' bytes in order, read
 * as big-endian unsigned 32-bit words (8 words per block).
 *
 * Uniform integer below n: draw words until one is below ⌊2³² / n⌋ · n (rejection, no modulo bias),
 * and take it modulo n.
 *
 * Sample: Fisher–Yates partial shuffle of the population sorted by id (code-unit order), for
 * i = 0 … k−1: j = i + uniform(n − i), swap a[i] and a[j]; the sample is a[0 … k) in that order,
 * k = min(N, n). Re-running with the same seed and the same sorted ids gives the same sample.
 *
 * The functions are pure; tests/unit/prng.test.ts pins vectors computed by an independent implementation.
 */

export const SEED_PATTERN = /^[0-9a-f]{32}$/

/** A fresh 128-bit seed as 32 lowercase hex digits. */
export const newSeed = () => randomBytes(16).toString('hex')

/** The stream of 32-bit words for a seed (see above). */
export function wordStream(seed: string): () => number {
  if (!SEED_PATTERN.test(seed)) throw new Error('seed must be 32 lowercase hex digits')
  const key = Buffer.from(seed, 'hex')
  let counter = 0
  let block = Buffer.alloc(0)
  let offset = 0
  return () => {
    if (offset >= block.length) {
      const c = Buffer.alloc(4)
      c.writeUInt32BE(counter++)
      block = createHash('sha256').update(key).update(c).digest()
      offset = 0
    }
    const w = block.readUInt32BE(offset)
    offset += 4
    return w
  }
}

/** An unbiased integer in [0, n) from the stream, 1 ≤ n ≤ 2³². */
export function uniformBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new Error('n out of range')
  const limit = Math.floor(2 ** 32 / n) * n
  for (;;) {
    const w = next()
    if (w < limit) return w % n
  }
}

/** Code-unit order (what `<` compares), independent of locale and database collation. */
export const sortIds = (ids: readonly string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** The ordered sample of min(size, population) ids; `population` must already be sorted (sortIds). */
export function sampleIds(seed: string, population: readonly string[], size: number): string[] {
  if (!Number.isInteger(size) || size < 1) throw new Error('size must be a positive integer')
  const a = [...population]
  const k = Math.min(size, a.length)
  const next = wordStream(seed)
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(next, a.length - i)
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a.slice(0, k)
}
