import fs from 'node:fs';
import { z } from 'zod';
import { zodMessage } from '../../http/validate';
import { LoadError } from '../load-error';
import { isLayerName, type LayerName } from '../registry';

/**
 * How one property of the layer is made from a source feature's attributes:
 * - `"{kommunnamn} {trakt} {block}:{enhet}"`: a template (text); it applies only when every
 *   attribute it names has a value;
 * - a list of templates: the first that applies (e.g. without a block, `{kommunnamn} {trakt} {enhet}`);
 * - `{ "attribute": "name" }`: the attribute's value as it is (numbers stay numbers);
 *   with `"split": ","` a text becomes a list (a plan zone's `useCodes` from `"J,Z"`);
 * - `{ "value": … }`: a constant.
 */
const knownFilters = (t: string) => [...t.matchAll(/\{[^{}|]+\|([^{}]*)\}/g)].every((m) => ['label', 'upper', 'lower'].includes(m[1]));
const template = z.string().refine(knownFilters, 'a {attribute|filter} names an unknown filter (label, upper, lower)');
const valueSpec = z.union([
  template,
  z.array(template).min(1),
  z.strictObject({ attribute: z.string().min(1), split: z.string().min(1).optional() }),
  z.strictObject({ value: z.unknown() }),
]);
type ValueSpec = z.infer<typeof valueSpec>;

const mappingSchema = z.strictObject({
  /** What the mapping is for, in a sentence (shown nowhere; for the reader of the file). */
  description: z.string().optional(),
  layer: z.string().refine(isLayerName, 'is not a layer name'),
  /** The layer of the source file to read when `--layer` is not given. */
  sourceLayer: z.string().optional(),
  /**
   * An attribute whose equal values mark parts of one feature: their geometries are united.
   * A list names the same attribute as other formats spell it (a Shapefile's field names are
   * cut to 10 characters: registerenhetsreferens → registeren); the first present is used.
   */
  groupBy: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  properties: z.record(z.string(), valueSpec),
  /**
   * Values for properties the source does not carry. On a re-load, an existing row keeps its
   * stored value of a defaulted property (staff may have changed it since); `--set` overrides.
   */
  defaults: z.record(z.string(), z.unknown()).default({}),
});

export interface Mapping {
  layer: LayerName;
  sourceLayer?: string;
  groupBy?: string | string[];
  properties: Record<string, ValueSpec>;
  defaults: Record<string, unknown>;
}

/** Reads and checks a mapping file; a malformed one is a LoadError naming the file and the field. */
export function readMapping(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LoadError([{ index: null, reason: `mapping ${file}: ${(err as Error).message}` }]);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) throw new LoadError([{ index: null, reason: `mapping ${file}: ${zodMessage(parsed.error)}` }]);
  return parsed.data as Mapping;
}

/** `--set key=value`: numbers and true/false are typed, anything else is text. */
export function parseSet(arg: string): [string, unknown] | undefined {
  const at = arg.indexOf('=');
  if (at <= 0) return undefined;
  const key = arg.slice(0, at);
  const raw = arg.slice(at + 1);
  if (/^-?\d+(\.\d+)?$/.test(raw)) return [key, Number(raw)];
  if (raw === 'true' || raw === 'false') return [key, raw === 'true'];
  return [key, raw];
}

const PLACEHOLDER = /\{([^{}|]+)(?:\|([a-z]+))?\}/g;
const present = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';

/**
 * Filters a placeholder may name (`{etikett|label}`): `label` keeps a register label's
 * designation part, dropping the area-part suffix (`4:12>2` → `4:12`) and parentheses, as
 * Lantmäteriet's own clients do; `upper` and `lower` change case.
 */
const FILTERS: Record<string, (s: string) => string> = {
  label: (s) => s.replace(/>.*$/, '').replace(/[()]/g, '').trim(),
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
};

/** A template's text, or undefined when an attribute it names has no value. */
function fill(template: string, attrs: Record<string, unknown>): string | undefined {
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (!present(attrs[name])) return undefined;
  return template.replace(PLACEHOLDER, (_, name: string, filter?: string) => {
    const text = String(attrs[name]).trim();
    return filter ? FILTERS[filter](text) : text;
  });
}

function valueOf(spec: ValueSpec, attrs: Record<string, unknown>): { value: unknown } | { reason: string } {
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const templates = typeof spec === 'string' ? [spec] : spec;
    for (const t of templates) {
      const v = fill(t, attrs);
      if (v !== undefined) return { value: v };
    }
    const named = [...new Set(templates.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1])))];
    return { reason: `no template applies: ${named.filter((n) => !present(attrs[n])).join(', ')} without a value` };
  }
  if ('attribute' in spec) {
    const v = attrs[spec.attribute] ?? null;
    if (spec.split === undefined || typeof v !== 'string') return { value: v };
    return { value: v.split(spec.split).map((x) => x.trim()).filter((x) => x !== '') };
  }
  return { value: spec.value };
}

export interface MappedFeature {
  feature: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown };
  group: string | null;
  defaulted: string[];
}

/**
 * A source feature in the layer's terms: the mapping's properties (or the attributes as they
 * are, without a mapping), then defaults for what is still missing, then `--set` over all.
 */
export function mapFeature(mapping: Mapping | undefined, sets: Record<string, unknown>, f: unknown): MappedFeature | { reason: string } {
  const source = f as { properties?: Record<string, unknown> | null; geometry?: unknown };
  const attrs = source?.properties ?? {};
  const properties: Record<string, unknown> = {};
  if (mapping) {
    for (const [name, spec] of Object.entries(mapping.properties)) {
      const v = valueOf(spec, attrs);
      if ('reason' in v) return { reason: `${name}: ${v.reason}` };
      properties[name] = v.value;
    }
  } else {
    Object.assign(properties, attrs);
  }
  const defaulted: string[] = [];
  for (const [name, value] of Object.entries(mapping?.defaults ?? {})) {
    if (properties[name] !== undefined && properties[name] !== null) continue;
    if (Object.hasOwn(sets, name)) continue;
    properties[name] = value;
    defaulted.push(name);
  }
  Object.assign(properties, sets);
  const groupBy = mapping?.groupBy === undefined ? [] : [mapping.groupBy].flat();
  const key = groupBy.map((name) => attrs[name]).find(present);
  return {
    feature: { type: 'Feature', properties, geometry: source?.geometry ?? null },
    group: present(key) ? String(key) : null,
    defaulted,
  };
}
