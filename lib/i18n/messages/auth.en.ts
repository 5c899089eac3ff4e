// Messages of signing in and registering (merged by en.ts).
import type { authZhCN } from './auth.zh-CN'

export const authEn: Record<keyof typeof authZhCN, string> = {
  "signIn.title": "Sign in",
  "signIn.submit": "Sign in",
  "signIn.pending": "Signing in…",
  "signIn.invalid": "Wrong mobile number or password.",
  "signIn.locked": "Five wrong passwords in a row: the account is locked. Please try again in {minutes} min.",
  "signIn.noAccount": "No account yet?",
  "signIn.register": "Register as a volunteer",
  "register.title": "Volunteer registration",
  "register.intro": "Once registered you can sign in as a volunteer of the chosen community and sign up for its tasks.",
  "register.submit": "Register and sign in",
  "register.pending": "Registering…",
  "register.done": "Registered. Please sign in.",
  "register.haveAccount": "Already registered?",
  "register.passwordHint": "At least 8 characters; a memorable phrase works, common passwords like 12345678 do not",
  "register.communityPlaceholder": "Type a community or sub-district name, e.g. 小街",
  "register.communityHint": "Type a name, then pick your community from the list",
  "register.communityResults": "Matching communities",
  "register.communityNone": "No matching community",
  "register.communityChosen": "Chosen: {name} ({where})",
}
