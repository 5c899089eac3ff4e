import { describe, expect, it } from 'vitest'
import { decryptField, encryptField } from '@/lib/server/crypto'
import { isValidIdNumber, maskIdNumber } from '@/lib/id-card'

describe('GB 11643 ID numbers', () => {
  it('checks the digit and the birth date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(isValidIdNumber('110105194912310021')).toBe(false) // wrong check digit
    expect(isValidIdNumber('110105194902300023')).toBe(false) // 30 February
    expect(isValidIdNumber('1101051949123100')).toBe(false)
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
  })
})

describe('field encryption', () => {
  it('round-trips, never repeats a ciphertext, and refuses a tampered one', () => {
    const a = encryptField('高血压三级')
    const b = encryptField('高血压三级')
    expect(a).not.toBe(b)
    expect(decryptField(a)).toBe('高血压三级')
    const [v, iv, tag, ct] = a.split(':')
    const flipped = Buffer.from(ct, 'base64')
    flipped[0] ^= 1
    expect(() => decryptField([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow()
  })

  it('refuses to work without a 32-byte key', () => {
    const saved = process.env.DATA_ENCRYPTION_KEY
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(16).toString('base64')
    expect(() => encryptField('x')).toThrow(/32 bytes/)
    delete process.env.DATA_ENCRYPTION_KEY
    expect(() => encryptField('x')).toThrow(/not set/)
    process.env.DATA_ENCRYPTION_KEY = saved
  })
})
