// 表单字段“不丢”的文案：一个步骤不保存的字段被拒绝（而不是收下后丢掉）（由 zh-CN.ts 合并）。
export const fieldsZhCN = {
  'validation.caseText.notTaken': '这一步不填写内容：请清空后再提交',
  'validation.caseOutcome.notTaken': '只有结案时才选择结案结果',
} as const
