'use client'
import { useFieldError } from '@/components/ui/action-form'

/**
 * A server field error of the surrounding ActionForm that belongs to no input of that form: a stage move
 * refused for want of consent (`consent`), which is recorded in the consent form.
 */
export function FormFieldError({ name }: { name: string }) {
  const error = useFieldError(name)
  return error ? (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  ) : null
}
