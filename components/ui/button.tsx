import { cva, type VariantProps } from 'class-variance-authority'
import { Link } from '@/components/ui/link'

// The variants are the kit's classes, in app/globals.css (@layer components): short, so a page that lists
// many buttons does not carry a dozen utilities for each. cva declares them once, typed.
export const buttonVariants = cva('btn', {
  variants: { variant: { primary: 'btn-primary', secondary: 'btn-secondary', ghost: 'btn-ghost', danger: 'btn-danger' } },
  defaultVariants: { variant: 'primary' },
})
export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>['variant']>

export function buttonClass(variant: ButtonVariant = 'primary', extra = '') {
  return buttonVariants({ variant, className: extra || undefined })
}

export function Button({ variant = 'primary', className = '', ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />
}

export function LinkButton({ variant = 'primary', className = '', ...props }: React.ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />
}
