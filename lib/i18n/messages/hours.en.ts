import type { hoursZhCN } from './hours.zh-CN'

export const hoursEn: Record<keyof typeof hoursZhCN, string> = {
}
