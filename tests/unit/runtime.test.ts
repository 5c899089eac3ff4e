import { describe, expect, it } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }

// Node 20 reached its end of life on 2026-04-30: every npm script runs on the Node 24 that `npm install`
// brings (the `node` dev dependency puts it first on the scripts' PATH), whatever the machine's own Node is.
describe('runtime', () => {
  it('runs on Node 24 or later, as package.json declares', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24)
    expect(pkg.engines.node).toBe('>=24')
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./)
  })
})
