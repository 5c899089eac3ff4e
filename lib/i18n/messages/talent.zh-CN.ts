// 社工人才队伍、社会组织与实务能力培训的文案（由 zh-CN.ts 合并）。
export const talentZhCN = {
} as const
