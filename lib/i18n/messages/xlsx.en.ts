import type { xlsxZhCN } from './xlsx.zh-CN'

export const xlsxEn: Record<keyof typeof xlsxZhCN, string> = {}
