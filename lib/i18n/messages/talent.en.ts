import type { talentZhCN } from './talent.zh-CN'

export const talentEn: Record<keyof typeof talentZhCN, string> = {
}
