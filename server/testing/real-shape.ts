import { isKeyField, unwrapField as unwrap } from '../../src/contract/answer.ts';
import type { z } from '../../src/contract/zod.ts';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; values?: unknown[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** FNV-1a: small, stable, and the same on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return h;
}

/** Null in the official models: every string (enums and dates too) and nested model; numbers and booleans only when declared so. */
function officiallyNullable(field: z.ZodType): boolean {
  const { inner, nullable } = unwrap(field);
  if (nullable) return true;
  const def = defOf(inner);
  if (def.type === 'union') return (def.options ?? []).some(officiallyNullable);
  if (def.type === 'literal') return (def.values ?? []).every((value) => typeof value === 'string');
  return ['string', 'enum', 'object', 'record', 'template_literal'].includes(def.type);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An answer of ours rewritten within what the real service's models allow (docs/decisions/0093-real-shape-stand-in.md):
 * strings and nested models null, numbers and booleans null where our schema marks them nullable, optional fields left out, fields we do not know added, and IDs as strings of digits. Which
 * field gets which change follows a hash of the seed and the field's place, so the same answer always comes out the
 * same and different items of a list differ. `at` is the seed, and each field's place under it as it recurses.
 */
export function realShapeOf(value: unknown, schema: z.ZodType, at: string): unknown {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const fieldSchema = def.shape?.[key];
      if (!fieldSchema) {
        out[key] = field;
        continue;
      }
      const { optional } = unwrap(fieldSchema);
      const roll = hash(`${at}.${key}`) % 4;
      if (isKeyField(key)) {
        // Keys stay, but a numeric ID may come back as its digits.
        out[key] =
          typeof field === 'number' && Number.isSafeInteger(field) && field >= 0 && roll < 2 ? String(field) : realShapeOf(field, fieldSchema, `${at}.${key}`);
      } else if (roll === 0 && optional) {
        // Left out.
      } else if (roll === 1 && officiallyNullable(fieldSchema)) {
        out[key] = null;
      } else {
        out[key] = realShapeOf(field, fieldSchema, `${at}.${key}`);
      }
    }
    out[`Unlisted${hash(at) % 1000}`] = hash(at) % 2 === 0 ? null : { Note: 'a field this app does not know' };
    return out;
  }
  if (def.type === 'array' && Array.isArray(value)) return value.map((item, index) => realShapeOf(item, def.element!, `${at}[${index}]`));
  if (def.type === 'record' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, realShapeOf(item, def.valueType!, `${at}.${key}`)]));
  }
  if (def.type === 'union') {
    const option = def.options!.find((candidate) => candidate.safeParse(value).success);
    return option ? realShapeOf(value, option, at) : value;
  }
  return value;
}
