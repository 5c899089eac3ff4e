import type { z } from 'zod'
import { valueKinds, type ValueKind } from '@/lib/schemas/value-kinds'

// Walks exported zod schemas to their string fields, so a test can run every field of every form
// (a new field is found without being listed). Reads zod 4's definitions (`_zod.def`).

export type StringField = { name: string; schema: z.ZodType; kind: ValueKind | null }

type Def = { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def

/** The schema a field's value finally meets, through optional/default/catch/preprocess/transform wrappers; stops at a marked schema. */
function unwrap(s: z.ZodType): { base: z.ZodType; kind: ValueKind | null } {
  for (let cur = s; ; ) {
    const kind = valueKinds.of(cur)
    if (kind) return { base: cur, kind }
    const d = defOf(cur)
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(d.type)) cur = d.innerType as z.ZodType
    else if (d.type === 'pipe') cur = (defOf(d.in).type === 'transform' ? d.out : d.in) as z.ZodType
    else return { base: cur, kind: null }
  }
}

/** Every string field (not uuid/date/url … formats) under `schema`, named `prefix.path`. */
export function stringFields(schema: z.ZodType, prefix: string, out: StringField[] = []): StringField[] {
  const { base, kind } = unwrap(schema)
  if (kind) {
    out.push({ name: prefix, schema, kind })
    return out
  }
  const d = defOf(base)
  if (d.type === 'object') for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) stringFields(v, `${prefix}.${k}`, out)
  else if (d.type === 'array') stringFields(d.element as z.ZodType, `${prefix}[]`, out)
  else if (d.type === 'union') (d.options as z.ZodType[]).forEach((o, i) => stringFields(o, `${prefix}|${i}`, out))
  else if (d.type === 'string' && !d.format) out.push({ name: prefix, schema, kind: null })
  return out
}

export const isZodSchema = (v: unknown): v is z.ZodType => typeof v === 'object' && v !== null && '_zod' in v && typeof (v as { safeParse?: unknown }).safeParse === 'function'
