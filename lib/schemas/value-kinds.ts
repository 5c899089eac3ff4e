// Which normaliser a schema is: free text, a phone number or an ID number. The property test
// (tests/unit/text-fields.property.test.ts) walks every exported schema and needs to know, for each
// string field, which rule it keeps; a string field that is none of these must be listed there with a
// reason, so a new field cannot skip the normalisers unnoticed.
export type ValueKind = 'text' | 'phone' | 'idNumber'

const kinds = new WeakMap<object, ValueKind>()

export const valueKinds = {
  mark<T extends object>(schema: T, kind: ValueKind): T {
    kinds.set(schema, kind)
    return schema
  },
  of(schema: object): ValueKind | undefined {
    return kinds.get(schema)
  },
}
