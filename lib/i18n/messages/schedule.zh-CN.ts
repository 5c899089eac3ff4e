// 时间须合乎情理：新建任务、场地预约、培训、满意度调查的时间不能落在过去（由 zh-CN.ts 合并）。
// “现在”取服务器在调用那一刻的时钟；时间按中国时间（UTC+8）理解，见 lib/china-time.ts。
export const scheduleZhCN = {
  'validation.startsAt.past': '开始时间须晚于现在。已经开展过的服务不能补建为任务：请由社区管理员在“积分兑换管理”页记录一条签名的服务时长更正。',
  'validation.startsAt.started': '任务已经开始，开始时间不能再改（可以修改结束时间、地点和名额）。',
  'validation.signupDeadline.past': '报名截止须晚于现在，否则没有人能报名。',
  'validation.trainingDate.past': '培训日期不能早于今天：请在培训前登记，培训当天或之后再记录出勤。',
  'validation.surveyStart.past': '调查开始日期不能早于今天。',
  'validation.surveyEnd.past': '调查结束日期不能早于今天，否则调查一开始就已结束。',
} as const
