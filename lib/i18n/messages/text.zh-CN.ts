// 文字、手机号、身份证号统一规范化（lib/schemas/text.ts、phone.ts、id-number.ts）的文案（由 zh-CN.ts 合并）。
export const textZhCN = {
  'validation.text.invisible': '不能包含不可见字符或文字方向控制字符（如零宽空格、从右向左标记），请删除后再提交',
  'validation.text.noVisible': '请填写可见的文字，不能只有空格或不可见字符',
} as const
