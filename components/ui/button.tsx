import { Link } from '@/components/ui/link'

// the classes are the kit's, in app/globals.css (@layer components): short, so a page that lists many
// buttons does not carry a dozen utilities for each
const variants = { primary: 'btn-primary', secondary: 'btn-secondary', ghost: 'btn-ghost', danger: 'btn-danger' } as const
export type ButtonVariant = keyof typeof variants

export function buttonClass(variant: ButtonVariant = 'primary', extra = '') {
  return extra ? `btn ${variants[variant]} ${extra}` : `btn ${variants[variant]}`
}

export function Button({ variant = 'primary', className = '', ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />
}

export function LinkButton({ variant = 'primary', className = '', ...props }: React.ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />
}
