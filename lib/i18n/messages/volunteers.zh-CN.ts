// 志愿者档案与导入的文案（由 zh-CN.ts 合并）。
export const volunteersZhCN = {
} as const
