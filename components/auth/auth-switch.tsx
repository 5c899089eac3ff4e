import { Link } from '@/components/ui/link'

/** Under the sign-in and registration forms: "no account yet? 志愿者注册" / "have one? 登录". */
export function AuthSwitch({ prompt, href, label }: { prompt: string; href: string; label: string }) {
  return (
    <p className="text-center text-sm text-stone-600">
      {prompt}{' '}
      <Link href={href} className="font-medium text-brand-700 underline">
        {label}
      </Link>
    </p>
  )
}
