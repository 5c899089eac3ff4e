// The session cookie is read by lib/server/auth/session-token.ts, not by next-auth's getServerSession:
// the same tokens must mean the same thing (what sign-in.ts and next-auth's callback write), forged and
// expired ones must mean "signed out", and what is kept between requests must never outlive the token.
import { describe, expect, it } from 'vitest'
import { randomBytes, randomUUID } from 'node:crypto'
import { encode } from 'next-auth/jwt'
import { keptTokens, sessionClaims, sessionTokenOf } from '@/lib/server/auth/session-token'

const secret = () => process.env.NEXTAUTH_SECRET!
const claims = () => ({ sub: randomUUID(), sid: randomUUID() })

describe('the session cookie', () => {
  it('gives the user and session ids that sign-in wrote, and keeps them for the next request', async () => {
    const c = claims()
    const token = await encode({ token: c, secret: secret(), maxAge: 3600 })
    const before = keptTokens()
    expect(await sessionClaims(token)).toEqual({ userId: c.sub, sid: c.sid })
    expect(keptTokens()).toBe(before + 1)
    expect(await sessionClaims(token)).toEqual({ userId: c.sub, sid: c.sid })
    expect(keptTokens()).toBe(before + 1)
  })

  it('is signed out when the token is missing, damaged, forged with another secret or lacks the ids', async () => {
    expect(await sessionClaims(null)).toBeNull()
    expect(await sessionClaims('')).toBeNull()
    const token = await encode({ token: claims(), secret: secret(), maxAge: 3600 })
    expect(await sessionClaims(token.slice(0, -4) + 'AAAA')).toBeNull()
    expect(await sessionClaims(await encode({ token: claims(), secret: randomBytes(32).toString('base64'), maxAge: 3600 }))).toBeNull()
    expect(await sessionClaims(await encode({ token: { sub: randomUUID() }, secret: secret(), maxAge: 3600 }))).toBeNull()
    expect(await sessionClaims('not a token')).toBeNull()
  })

  it('is signed out once the token has expired, even after it was kept', async () => {
    const c = claims()
    const token = await encode({ token: c, secret: secret(), maxAge: 60 })
    const now = Date.now()
    expect(await sessionClaims(token, now)).toEqual({ userId: c.sub, sid: c.sid })
    expect(await sessionClaims(token, now + 60_000)).toEqual({ userId: c.sub, sid: c.sid }) // within next-auth's 15 s tolerance
    expect(await sessionClaims(token, now + 80_000)).toBeNull()
    const size = keptTokens()
    expect(await sessionClaims(token, now + 80_000)).toBeNull()
    expect(keptTokens()).toBeLessThanOrEqual(size)
  })

  it('an already expired token is not accepted on its first reading either', async () => {
    const token = await encode({ token: claims(), secret: secret(), maxAge: -60 })
    expect(await sessionClaims(token)).toBeNull()
  })

  it('is read whole or from next-auth chunks (name.0, name.1, …)', () => {
    const jar = new Map([['s.0', 'abc'], ['s.1', 'def'], ['other', 'x']])
    expect(sessionTokenOf((n) => jar.get(n), 's')).toBe('abcdef')
    expect(sessionTokenOf((n) => new Map([['s', 'whole']]).get(n), 's')).toBe('whole')
    expect(sessionTokenOf(() => undefined, 's')).toBeNull()
  })
})
