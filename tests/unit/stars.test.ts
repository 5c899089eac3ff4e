import { describe, expect, it } from 'vitest'
import { hoursToNextStar, starLevel } from '@/lib/stars'

const T = [100, 300, 600, 1000, 1500]

describe('star levels', () => {
  it('change exactly at the thresholds', () => {
    expect(starLevel(0, T)).toBe(0)
    expect(starLevel(99.9, T)).toBe(0)
    expect(starLevel(100, T)).toBe(1)
    expect(starLevel(299.9, T)).toBe(1)
    expect(starLevel(300, T)).toBe(2)
    expect(starLevel(600, T)).toBe(3)
    expect(starLevel(1000, T)).toBe(4)
    expect(starLevel(1499.9, T)).toBe(4)
    expect(starLevel(1500, T)).toBe(5)
    expect(starLevel(9999, T)).toBe(5)
    expect(starLevel(50, [10, 20, 30, 40, 50])).toBe(5) // thresholds per tenant
    expect(hoursToNextStar(250, T)).toBe(50)
    expect(hoursToNextStar(1500, T)).toBeNull()
  })
})
