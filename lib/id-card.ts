/**
 * Mainland resident ID number (GB 11643-1999): 17 digits + a check character computed with ISO 7064
 * MOD 11-2; the birth date (digits 7–14) must be a real date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/**
 * An ID number as it is stored: compatibility-normalised (NFKC turns full-width digits and Ｘ into
 * ASCII), spaces dropped (copied numbers are often grouped 6-8-4), upper-case (a lowercase x check
 * character is the same number). The one normaliser every path uses (registration, profile, import,
 * cases); its fingerprint is taken of this form.
 */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

export function isValidIdNumber(value: string): boolean {
  const id = normaliseIdNumber(value)
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return false
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17]
}

/** 150502199001011234 → 1505**********1234 */
export function maskIdNumber(value: string): string {
  return value.length > 8 ? `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}` : '****'
}
