/** 13912345678 → 139****5678; 0475-1234567 → 0475****567. Other people's numbers are shown masked unless a permission says otherwise. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  return phone.length > 7 ? `${phone.slice(0, 4)}****${phone.slice(-3)}` : '****'
}

/** 张三丰 → 张**: resident names on lists for readers who only need counts and context. */
export function maskName(name: string | null): string | null {
  if (!name) return name
  return name.slice(0, 1) + '*'.repeat(Math.max(1, [...name].length - 1))
}
