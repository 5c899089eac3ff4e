// 服务时长更正、时长证明与租户设置的文案（由 zh-CN.ts 合并）。
export const hoursZhCN = {
} as const
