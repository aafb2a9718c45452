import { z } from './zod.ts';

/**
 * Answers are read leniently, requests strictly (docs/decisions/0090-lenient-answers.md). The schemas in this folder
 * describe what the sandbox answers; the real service's models (as the official clients declare them) allow more:
 * any string, enum, boolean and nested model may be null (but not a model's key), unknown fields come along, and
 * an ID may come back as a string of digits. `answerSchemaOf` derives that lenient reading from a schema, and `Answer<T>` is its type, so
 * pages are told which values may be missing.
 */

type AnswerValue<V> = V extends string | boolean
  ? V | null
  : V extends number | null | undefined
    ? V
    : V extends readonly (infer Item)[]
      ? AnswerItem<Item>[]
      : V extends object
        ? Fields<V> | null
        : V;

/**
 * Keys are never made nullable: IDs (keys ending in ID) and PhoneNumber (what opt-outs, results and threads are
 * keyed by). An item without its key cannot be shown or acted on, so such an answer is unreadable.
 */
type Fields<T> = { [K in keyof T]: K extends `${string}ID` | 'PhoneNumber' ? T[K] : AnswerValue<T[K]> };
export const isKeyField = (key: string) => /ID$/.test(key) || key === 'PhoneNumber';

/** An array's items are never null themselves (a null array reads as empty). */
type AnswerItem<Item> = Item extends readonly unknown[] ? AnswerValue<Item> : Item extends object ? Answer<Item> : Item;

/** What an answer of type T can look like once read leniently: strings, booleans and nested models may be null. */
export type Answer<T> = T extends readonly unknown[] ? AnswerItem<T[number]>[] : T extends object ? Fields<T> : T;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Digits read as the number they spell: the service has answered IDs such as TextNumberID as strings. */
const digitString = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/** Kinds the official models let be null: every string (enums and dates too), boolean and nested model. */
export function mayBeNull(schema: z.ZodType): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'boolean':
    case 'object':
    case 'record':
    case 'template_literal':
      return true;
    case 'literal':
      return (def.values ?? []).every((value) => typeof value === 'string' || typeof value === 'boolean');
    case 'union':
      return (def.options ?? []).some(mayBeNull);
    default:
      return false;
  }
}

function lenientValue(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return z.looseObject(Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, lenientField(field, isKeyField(key))])));
    case 'array':
      return z.array(lenientValue(def.element!));
    case 'union':
      return z.union(def.options!.map(lenientValue) as [z.ZodType, z.ZodType]);
    case 'record':
      return z.record(def.keyType as z.ZodString, lenientValue(def.valueType!));
    case 'optional':
      return lenientValue(def.innerType!).optional();
    case 'nullable':
      return lenientValue(def.innerType!).nullable();
    case 'nonoptional':
      // `.required()` of an optional field: required again, read as its inner value.
      return lenientValue(withoutOptional(def.innerType!));
    case 'number':
      // NaN is the stand-in for a number that could not be read (readAnswer); formatters show it as "—".
      return z.union([schema, digitString.pipe(schema as z.ZodType<number, number>), z.nan()]);
    default:
      return schema;
  }
}

const withoutOptional = (schema: z.ZodType) => (defOf(schema).type === 'optional' ? defOf(schema).innerType! : schema);

/** A field's value schema without its optional, nullable and required wrappers, and which of them it had. */
export function unwrapField(schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  let required = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'nonoptional') required = true;
    else break;
    inner = def.innerType!;
  }
  return { inner, optional: optional && !required, nullable };
}

function lenientField(schema: z.ZodType, isKey: boolean): z.ZodType {
  const { inner, optional, nullable } = unwrapField(schema);
  let lenient = lenientValue(inner);
  // A null list is an empty one, so pages can always map over it.
  if (defOf(inner).type === 'array') lenient = z.preprocess((value) => (value === null ? [] : value), lenient);
  if (nullable || (mayBeNull(inner) && !isKey)) lenient = lenient.nullable();
  return optional ? lenient.optional() : lenient;
}

const derived = new WeakMap<z.ZodType, z.ZodType>();

/** The lenient reading of an answer schema (kept, so each is derived once). */
export function answerSchemaOf<Schema extends z.ZodType>(schema: Schema): z.ZodType<Answer<z.output<Schema>>> {
  let lenient = derived.get(schema);
  if (!lenient) {
    lenient = lenientValue(schema);
    derived.set(schema, lenient);
  }
  return lenient as z.ZodType<Answer<z.output<Schema>>>;
}

/** A value that did not fit, by where it sits (array positions as `[]`) and what was expected; never the value. */
export interface OddField {
  field: string;
  expected: string;
}

export type AnswerReading<T> = { ok: true; data: T; oddFields: OddField[] } | { ok: false; issues: z.core.$ZodIssue[] };

/** Each odd value is tried as null, then as NaN (for numbers); a third round that still fails means unreadable. */
const MAX_ROUNDS = 3;
const MAX_ODD_FIELDS = 200;

function fieldPathOf(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? '[]' : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function setAt(root: unknown, path: readonly PropertyKey[], value: unknown): boolean {
  let node = root;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  if (node === null || typeof node !== 'object') return false;
  (node as Record<PropertyKey, unknown>)[path[path.length - 1]!] = value;
  return true;
}

/**
 * Reads an answer leniently. A value that still does not fit is replaced (null, or NaN where only a number fits) and
 * named in `oddFields`, so one odd field never costs the whole page; an answer whose shape cannot be read at all
 * (not an object where one is expected, or too many odd values) is `ok: false`.
 */
export function readAnswer<Schema extends z.ZodType>(schema: Schema, json: unknown): AnswerReading<Answer<z.output<Schema>>> {
  const lenient = answerSchemaOf(schema);
  const tried = new Map<string, number>();
  const oddFields = new Map<string, OddField>();
  let data = json;
  for (let round = 0; ; round++) {
    const parsed = lenient.safeParse(data);
    if (parsed.success) return { ok: true, data: parsed.data, oddFields: [...oddFields.values()] };
    const issues = parsed.error.issues;
    if (round === MAX_ROUNDS || issues.some((issue) => issue.path.length === 0)) return { ok: false, issues };
    if (round === 0) data = structuredClone(json);
    for (const issue of issues) {
      const key = JSON.stringify(issue.path);
      const attempts = tried.get(key) ?? 0;
      if (attempts >= 2 || !setAt(data, issue.path, attempts === 0 ? null : Number.NaN)) return { ok: false, issues };
      tried.set(key, attempts + 1);
      const field = fieldPathOf(issue.path);
      if (!oddFields.has(field)) oddFields.set(field, { field, expected: expectedKindOf(issue) });
    }
    if (oddFields.size > MAX_ODD_FIELDS) return { ok: false, issues };
  }
}

function expectedKindOf(issue: z.core.$ZodIssue): string {
  // A number is read as a union (number, digits, NaN): name what its first branch wanted.
  if (issue.code === 'invalid_union' && issue.errors[0]?.[0]) return expectedKindOf(issue.errors[0][0]);
  if ('expected' in issue && typeof issue.expected === 'string') return issue.expected;
  if ('format' in issue && typeof issue.format === 'string') return issue.format;
  return issue.code;
}
