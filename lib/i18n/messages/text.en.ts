import type { textZhCN } from './text.zh-CN'

export const textEn: Record<keyof typeof textZhCN, string> = {
  'validation.text.invisible': 'Must not contain invisible characters or text-direction controls (such as zero-width spaces or right-to-left marks): please remove them',
  'validation.text.noVisible': 'Enter visible text, not only spaces or invisible characters',
}
