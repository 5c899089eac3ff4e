// 表格导入导出的文案（由 zh-CN.ts 合并）。
export const xlsxZhCN = {} as const
