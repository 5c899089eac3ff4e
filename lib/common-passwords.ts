/**
 * Passwords too common to accept (ASVS 5.0 V6.2: a breached/common-password check instead of composition
 * rules): the most frequent entries of public leak lists, Chinese sites' included (SplashData, CSDN /
 * 12306 leak analyses), at 8 characters or more — shorter ones are refused by length already. Compared
 * case-insensitively.
 */
const LIST = `
12345678 123456789 1234567890 12345678910 123123123 123321123 1234512345 11111111 111111111 1111111111
00000000 000000000 0000000000 88888888 888888888 66666666 666666666 99999999 22222222 55555555 77777777
12341234 11223344 11112222 13141314 52013141 5201314520 1314520520 147258369 123654789 987654321 9876543210
87654321 12344321 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1qazxsw2 2wsx3edc qwer1234 qwertyui qwertyuiop asdfghjk
asdfghjkl zxcvbnm1 zxcvbnm123 qazwsxedc qweasdzxc 1qaz2wsx3edc abcd1234 abc12345 abc123456 abcdefgh
a1234567 a12345678 a123456789 aa123456 aa12345678 a1b2c3d4 password password1 password12 password123
passw0rd p@ssw0rd p@ssword password! iloveyou iloveyou1 iloveyou520 woaini1314 woaini520 woaini123
woaini1234 wo123456 woaini521 5201314a aaaaaaaa qqqqqqqq zzzzzzzz abcabcabc 1a2b3c4d q1w2e3r4 q1w2e3r4t5
admin123 admin1234 administrator root1234 welcome1 welcome123 letmein1 sunshine princess football baseball
superman batman123 dragon123 monkey123 master123 shadow123 michael1 jennifer computer internet trustno1
starwars whatever qwerty123 qwerty12 zaq12wsx 123qweasd 123qwe123 qwe123456 qwe12345 1234qwer 1234abcd
ronghe123 ronghe2026 12345qwert 147852369 159357123 741852963 963852741 135792468 246813579 123456abc
123456aa 123456qq 123456as 123456qw 123456789a 123456789q 12345678a 12345678q xiaoming woshishui
wangyang zhang123 wang1234 li123456 liu123456 chen1234 huang123 zhangwei 1314woaini 5211314 520520520
`
  .split(/\s+/)
  .filter(Boolean)

const COMMON = new Set(LIST.map((p) => p.toLowerCase()))

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase())
}
