import { describe, expect, it } from 'vitest'
import { newSeed, sampleIds, SEED_PATTERN, sortIds, uniformBelow, wordStream } from '@/lib/server/evaluation/prng'

// Fixed vectors: computed by an independent implementation of the documented algorithm (Python hashlib:
// SHA-256(seed bytes ‖ uint32be(counter)), big-endian words, rejection sampling, partial Fisher–Yates).
// If one of these changes, every stored spot check stops re-running: never "update the vectors".
const ZERO = '0'.repeat(32)
const SEED = '00112233445566778899aabbccddeeff'
const POP20 = Array.from({ length: 20 }, (_, i) => `id-${String(i).padStart(2, '0')}`)

describe('spot-check sampler (SHA-256 counter stream + partial Fisher–Yates)', () => {
  it('word stream: fixed vectors, across a block boundary', () => {
    const next = wordStream(ZERO)
    expect(Array.from({ length: 10 }, next)).toEqual([3729246642, 2126041856, 3686134467, 1407595203, 2468752624, 1665189114, 2132492484, 3419631504, 3925806702, 1844010405])
    const other = wordStream(SEED)
    expect([other(), other(), other()]).toEqual([3095776064, 889745933, 2593293207])
  })

  it('samples: fixed vectors', () => {
    expect(sampleIds(SEED, POP20, 5)).toEqual(['id-04', 'id-07', 'id-17', 'id-02', 'id-01'])
    expect(sampleIds(ZERO, POP20, 5)).toEqual(['id-02', 'id-16', 'id-05', 'id-17', 'id-04'])
    // one more id in the population: another sample from the same seed
    expect(sampleIds(SEED, [...POP20, 'id-20'], 5)).toEqual(['id-17', 'id-14', 'id-05', 'id-16', 'id-20'])
    // N above the population takes everyone, in draw order
    expect(sampleIds(SEED, ['a', 'b', 'c'], 10)).toEqual(['c', 'a', 'b'])
  })

  it('deterministic, distinct, a prefix of a larger draw, never mutates its input', () => {
    const pop = [...POP20]
    const a = sampleIds(SEED, pop, 7)
    expect(sampleIds(SEED, pop, 7)).toEqual(a)
    expect(new Set(a).size).toBe(7)
    expect(sampleIds(SEED, pop, 12).slice(0, 7)).toEqual(a)
    expect(pop).toEqual(POP20)
    expect(sampleIds(SEED, [], 3)).toEqual([])
  })

  it('uniformBelow is unbiased by rejection: words at or above the limit are skipped', () => {
    const words = [0xffffffff, 7, 0xfffffffe]
    const next = () => words.shift()!
    expect(uniformBelow(next, 3)).toBe(1) // limit = ⌊2³²/3⌋·3 = 4294967295: that word is rejected, then 7 % 3
    expect(uniformBelow(next, 3)).toBe(2) // 4294967294 is below the limit: 4294967294 % 3
    expect(() => uniformBelow(() => 0, 0)).toThrow()
  })

  it('every position is drawn about equally often (1,000 seeds)', () => {
    const counts = new Map<string, number>()
    for (let s = 0; s < 1000; s++) for (const id of sampleIds(s.toString(16).padStart(32, '0'), POP20, 1)) counts.set(id, (counts.get(id) ?? 0) + 1)
    for (const id of POP20) expect(counts.get(id) ?? 0).toBeGreaterThan(20) // expected 50 each
  })

  it('seeds are 128-bit hex; sorting is code-unit order; a bad seed or size throws', () => {
    expect(newSeed()).toMatch(SEED_PATTERN)
    expect(newSeed()).not.toBe(newSeed())
    expect(sortIds(['b', 'B', 'a', '_'])).toEqual(['B', '_', 'a', 'b'])
    expect(() => sampleIds('xyz', POP20, 1)).toThrow()
    expect(() => sampleIds(SEED, POP20, 0)).toThrow()
  })
})
