// 签到、签退的规则（签到码错误次数限制、签到时间、超时签退）的文案（由 zh-CN.ts 合并）。
export const checkinZhCN = {
  'tasks.codeLocked': '签到码输错次数过多，请 {minutes} 分钟后再试；也可请队长或社工为您签到、签退。',
  'tasks.checkInWindow': '现在不能签到：签到时间为 {from} 至 {to}（任务开始前 30 分钟起，至任务结束）。',
  'tasks.checkInOpens': '签到时间：{from} 至 {to}',
  'tasks.checkOutBeforeCheckIn': '签退时间不能早于签到时间（{checkIn}）。',
  'tasks.lateCheckOut': '签退晚于任务结束 30 分钟以上，只计到任务结束',
  'tasks.lateCheckOuts.title': '待核对的签退（{count} 人）',
  'tasks.lateCheckOuts.hint': '以下志愿者签退时间晚于任务结束 30 分钟以上，服务时长只计到任务结束。如确实服务更久，请核实后记录一条签名的服务时长更正（只增不改）。',
  'tasks.lateCheckOuts.row': '{name}：签退于 {time}，已计 {minutes} 分钟',
  'tasks.lateCheckOuts.correct': '去记录服务时长更正',
  'tasks.lateCheckOuts.askAdmin': '服务时长更正由社区管理员在“积分兑换管理”页记录，请将核实情况告知社区。',
} as const
