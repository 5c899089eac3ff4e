import type { checkinZhCN } from './checkin.zh-CN'

export const checkinEn: Record<keyof typeof checkinZhCN, string> = {
  'tasks.codeLocked': 'Too many wrong check-in codes. Please try again in {minutes} min, or ask the team leader or social worker to check you in or out.',
  'tasks.checkInWindow': 'Check-in is not open now: it is open from {from} to {to} (30 minutes before the start until the end).',
  'tasks.checkInOpens': 'Check-in: {from} to {to}',
  'tasks.checkOutBeforeCheckIn': 'A check-out cannot be earlier than the check-in ({checkIn}).',
  'tasks.lateCheckOut': 'Checked out more than 30 min after the end: credited up to the end only',
  'tasks.lateCheckOuts.title': 'Check-outs to review ({count})',
  'tasks.lateCheckOuts.hint': 'These volunteers checked out more than 30 minutes after the end, so their hours were credited up to the end only. If someone really served longer, check it and record a signed hour correction (corrections are only ever added).',
  'tasks.lateCheckOuts.row': '{name}: checked out at {time}, {minutes} min credited',
  'tasks.lateCheckOuts.correct': 'Record an hour correction',
  'tasks.lateCheckOuts.askAdmin': 'Hour corrections are recorded by the community admin on the Rewards page: tell the community what you found.',
}
