import type { volunteersZhCN } from './volunteers.zh-CN'

export const volunteersEn: Record<keyof typeof volunteersZhCN, string> = {
}
