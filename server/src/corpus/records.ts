// Records as tuples, from one list of fields. A large archive's facts hold ~155,000 claims; as
// keyed objects v8.serialize writes every key of every record, and decoding them (on the main
// thread, for every article of a cold build and a warm start) was mostly reading those keys back.
// A record whose own keys are exactly its shape's fields, in that order (then any of the optional
// ones, in order), travels as an array of its values; any other record travels as it is, so a
// field added to a type is never lost, only slower until it is listed in its shape.

/** A record's fields in order; a nested record is `[name, shape]` and travels as its own tuple. */
export interface Shape {
  fields: readonly (string | readonly [string, Shape])[];
  /** Fields present only sometimes, after the others, in this order. */
  optional?: readonly string[];
  /** As a nested record: flattened into its parent's tuple instead of a tuple of its own. */
  inline?: boolean;
}

/** Marks an optional field that is absent (a field can be present with the value undefined). */
const ABSENT = '\u0000absent';

const NAMES = new WeakMap<Shape, string[]>();
function namesOf(shape: Shape): string[] {
  let n = NAMES.get(shape);
  if (!n) { n = shape.fields.map((f) => (typeof f === 'string' ? f : f[0])); NAMES.set(shape, n); }
  return n;
}

/** Whether `o`'s own keys are the shape's fields (then any of its optional ones, in order, each at most once). */
function fits(o: unknown, shape: Shape): o is Record<string, unknown> {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return false;
  const fields = namesOf(shape);
  const optional = shape.optional ?? [];
  let i = 0, j = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
    if (i < fields.length) { if (k !== fields[i++]) return false; continue; }
    while (j < optional.length && optional[j] !== k) j++;
    if (j === optional.length) return false;
    j++;
  }
  return i === fields.length;
}

/** A shape's encoder and decoder, made once from its field list. */
export interface Codec<T> { encode(o: T): unknown; decode(a: unknown): T }

/**
 * The codec of a shape: nested records marked `inline` are flattened into their parent's tuple
 * (the parent then needs them to fit too); other nested records travel as their own tuple (or as
 * they are). The coder is written out from the field list with `new Function`, one array literal
 * and one object literal per record: decoding runs for every claim of every article on the main
 * thread, and a generic loop over the fields was 16 % slower at it (23 % with nested arrays) on
 * dpgmedia2019's facts. The field list stays the one source of the layout.
 */
export function codec<T>(shape: Shape): Codec<T> {
  const nested: Codec<unknown>[] = [];
  let next = 0; // the next tuple index
  let tmp = 0;
  const decStmts: string[] = [];
  const encItems: string[] = [];
  const fitsChecks: string[] = [];
  const key = (k: string) => JSON.stringify(k);
  // Returns the expression of the record read from a[...] (statements pushed for optional fields).
  const dec = (sh: Shape, src: string): string => {
    const parts: string[] = [];
    for (const f of sh.fields) {
      if (typeof f === 'string') { parts.push(`${key(f)}: a[${next}]`); encItems.push(`${src}[${key(f)}]`); next++; continue; }
      const [name, inner] = f;
      if (inner.inline) {
        fitsChecks.push(`fits(${src}[${key(name)}], s${fitsChecks.length})`);
        inlineShapes.push(inner);
        parts.push(`${key(name)}: ${dec(inner, `${src}[${key(name)}]`)}`);
      } else {
        nested.push(codec(inner));
        const n = nested.length - 1;
        parts.push(`${key(name)}: n[${n}].decode(a[${next}])`);
        encItems.push(`n[${n}].encode(${src}[${key(name)}])`);
        next++;
      }
    }
    const v = `r${tmp++}`;
    decStmts.push(`const ${v} = { ${parts.join(', ')} };`);
    for (const f of sh.optional ?? []) {
      decStmts.push(`if (a[${next}] !== ABSENT) ${v}[${key(f)}] = a[${next}];`);
      encItems.push(`(${key(f)} in ${src} ? ${src}[${key(f)}] : ABSENT)`);
      next++;
    }
    return v;
  };
  const inlineShapes: Shape[] = [];
  const result = dec(shape, 'o');
  const args = ['n', 'ABSENT', 'fits', ...inlineShapes.map((_, i) => `s${i}`)];
  const decode = new Function(...args, `return function decode(a) {
    if (!Array.isArray(a)) return a;
    ${decStmts.join('\n    ')}
    return ${result};
  };`)(nested, ABSENT, fits, ...inlineShapes) as (a: unknown) => T;
  const encode = new Function(...args, 'shape', `return function encode(o) {
    if (!fits(o, shape)${fitsChecks.map((c) => ' || !' + c).join('')}) return o;
    return [${encItems.join(', ')}];
  };`)(nested, ABSENT, fits, ...inlineShapes, shape) as (o: T) => unknown;
  return { encode, decode };
}
