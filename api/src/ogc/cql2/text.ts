import { bboxPolygon, checkGeometry, filterError, LIMITS, type ComparisonOp, type Expr, type GeometryLiteral, type Scalar, type Spatial } from './ast';

// CQL2 text → the Expr tree: a tokenizer and a recursive-descent parser of the subset in
// ast.ts (OGC 21-065: basic-cql2, advanced comparison, S_INTERSECTS). Keywords are
// case-insensitive; identifiers are never turned into SQL here (compile.ts whitelists them).

type Token =
  | { t: 'word'; v: string }
  | { t: 'ident'; v: string } // "double-quoted"
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'op'; v: string }
  | { t: 'end' };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'" || c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw filterError(`unterminated ${c === "'" ? 'string' : 'identifier'}`);
        if (s[i] === c && s[i + 1] === c) { v += c; i += 2; continue; }
        if (s[i] === c) { i++; break; }
        v += s[i++];
      }
      out.push(c === "'" ? { t: 'string', v } : { t: 'ident', v });
      continue;
    }
    const num = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    // a sign starts a number only where an operand may start (not after one)
    const prev = out[out.length - 1];
    const operandAhead = !prev || prev.t === 'number' || prev.t === 'op' && prev.v !== ')' || prev.t === 'word' && /^(and|or|not|between|in|like)$/i.test(prev.v);
    if (num && (/\d|\./.test(c) || operandAhead)) {
      out.push({ t: 'number', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.:]*/.exec(s.slice(i));
    if (word) { out.push({ t: 'word', v: word[0] }); i += word[0].length; continue; }
    const op = /^(<>|<=|>=|=|<|>|\(|\)|,)/.exec(s.slice(i));
    if (op) { out.push({ t: 'op', v: op[0] }); i += op[0].length; continue; }
    throw filterError(`unexpected character '${c}' at position ${i + 1}`);
  }
  out.push({ t: 'end' });
  return out;
}

const GEOMETRY_WORDS = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'];
const TYPE_OF: Record<string, GeometryLiteral['type']> = {
  POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon',
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token { return this.tokens[this.i]; }
  private next(): Token { return this.tokens[this.i++]; }
  private isWord(w: string, at = 0): boolean {
    const t = this.tokens[this.i + at];
    return t.t === 'word' && t.v.toUpperCase() === w;
  }
  private isOp(o: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === o;
  }
  private expectOp(o: string): void {
    if (!this.isOp(o)) throw filterError(`expected '${o}' but found ${this.describe(this.peek())}`);
    this.i++;
  }
  private expectWord(w: string): void {
    if (!this.isWord(w)) throw filterError(`expected ${w} but found ${this.describe(this.peek())}`);
    this.i++;
  }
  private describe(t: Token): string {
    return t.t === 'end' ? 'the end of the filter' : `'${String(t.v)}'`;
  }

  parse(): Expr {
    const e = this.or();
    if (this.peek().t !== 'end') throw filterError(`unexpected ${this.describe(this.peek())}`);
    return e;
  }

  private or(): Expr {
    const args = [this.and()];
    while (this.isWord('OR')) { this.i++; args.push(this.and()); }
    return args.length === 1 ? args[0] : { op: 'or', args };
  }

  private and(): Expr {
    const args = [this.not()];
    while (this.isWord('AND')) { this.i++; args.push(this.not()); }
    return args.length === 1 ? args[0] : { op: 'and', args };
  }

  private not(): Expr {
    if (this.isWord('NOT')) { this.i++; return { op: 'not', arg: this.not() }; }
    return this.primary();
  }

  private primary(): Expr {
    if (this.isOp('(')) {
      // a parenthesised boolean expression (scalar operands are never parenthesised here)
      this.i++;
      const e = this.or();
      this.expectOp(')');
      return e;
    }
    if (this.isWord('S_INTERSECTS') || this.isWord('INTERSECTS')) {
      this.i++;
      this.expectOp('(');
      const left = this.spatial();
      this.expectOp(',');
      const right = this.spatial();
      this.expectOp(')');
      return { op: 's_intersects', left, right };
    }
    if ((this.isWord('TRUE') || this.isWord('FALSE')) && this.endsOperand(1)) {
      return { op: 'literal', value: this.next().t === 'word' && (this.tokens[this.i - 1] as { v: string }).v.toUpperCase() === 'TRUE' };
    }
    return this.predicate();
  }

  /** True when the token `at` ahead cannot continue a comparison (so TRUE stands alone). */
  private endsOperand(at: number): boolean {
    const t = this.tokens[this.i + at];
    return t.t === 'end' || (t.t === 'op' && (t.v === ')' || t.v === ',')) || (t.t === 'word' && /^(AND|OR)$/i.test(t.v));
  }

  private predicate(): Expr {
    const left = this.scalar();
    const t = this.peek();
    if (t.t === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(t.v)) {
      this.i++;
      return { op: 'compare', cmp: t.v as ComparisonOp, left, right: this.scalar() };
    }
    if (this.isWord('IS')) {
      this.i++;
      const negated = this.isWord('NOT');
      if (negated) this.i++;
      this.expectWord('NULL');
      const e: Expr = { op: 'isNull', arg: left };
      return negated ? { op: 'not', arg: e } : e;
    }
    const negated = this.isWord('NOT');
    if (negated) this.i++;
    let e: Expr;
    if (this.isWord('LIKE')) {
      this.i++;
      e = { op: 'like', left, pattern: this.scalar() };
    } else if (this.isWord('BETWEEN')) {
      this.i++;
      const low = this.scalar();
      this.expectWord('AND');
      e = { op: 'between', left, low, high: this.scalar() };
    } else if (this.isWord('IN')) {
      this.i++;
      this.expectOp('(');
      const list = [this.scalar()];
      while (this.isOp(',')) {
        this.i++;
        list.push(this.scalar());
        if (list.length > LIMITS.inList) throw filterError(`IN lists more than ${LIMITS.inList} values`);
      }
      this.expectOp(')');
      e = { op: 'in', left, list };
    } else {
      throw filterError(`expected a comparison, LIKE, BETWEEN, IN or IS NULL after the operand, found ${this.describe(this.peek())}`);
    }
    return negated ? { op: 'not', arg: e } : e;
  }

  private scalar(): Scalar {
    const t = this.next();
    if (t.t === 'string') return { kind: 'string', value: t.v };
    if (t.t === 'number') return { kind: 'number', value: t.v };
    if (t.t === 'ident') return { kind: 'property', name: t.v };
    if (t.t === 'word') {
      const w = t.v.toUpperCase();
      if (w === 'TRUE' || w === 'FALSE') return { kind: 'boolean', value: w === 'TRUE' };
      if ((w === 'DATE' || w === 'TIMESTAMP') && this.isOp('(')) {
        this.i++;
        const v = this.next();
        if (v.t !== 'string') throw filterError(`${w}( needs a quoted value`);
        this.expectOp(')');
        return { kind: w === 'DATE' ? 'date' : 'timestamp', value: v.v };
      }
      if (this.isOp('(')) throw filterError(`function ${t.v}() is not supported`);
      return { kind: 'property', name: t.v };
    }
    throw filterError(`expected a property or a value, found ${this.describe(t)}`);
  }

  private spatial(): Spatial {
    const t = this.peek();
    if (t.t === 'word' && GEOMETRY_WORDS.includes(t.v.toUpperCase())) return { kind: 'geometry', value: this.wkt() };
    if (t.t === 'word' && t.v.toUpperCase() === 'BBOX') {
      this.i++;
      this.expectOp('(');
      const n = [this.number()];
      while (this.isOp(',')) { this.i++; n.push(this.number()); }
      this.expectOp(')');
      return { kind: 'geometry', value: bboxPolygon(n) };
    }
    const s = this.scalar();
    if (s.kind !== 'property') throw filterError('S_INTERSECTS takes a property, a WKT geometry or BBOX(...)');
    return s;
  }

  private number(): number {
    const t = this.next();
    if (t.t !== 'number') throw filterError(`expected a number, found ${this.describe(t)}`);
    return t.v;
  }

  private wkt(): GeometryLiteral {
    const word = (this.next() as { v: string }).v.toUpperCase();
    if (this.isWord('Z')) this.i++;
    const type = TYPE_OF[word];
    const position = () => {
      const p = [this.number(), this.number()];
      if (this.peek().t === 'number') p.push(this.number());
      return p;
    };
    const list = <T>(item: () => T): T[] => {
      this.expectOp('(');
      const items = [item()];
      while (this.isOp(',')) { this.i++; items.push(item()); }
      this.expectOp(')');
      return items;
    };
    // MULTIPOINT takes both (1 2, 3 4) and ((1 2), (3 4))
    const point = () => (this.isOp('(') ? list(position)[0] : position());
    const coordinates =
      type === 'Point' ? list(position)[0]
      : type === 'MultiPoint' ? list(point)
      : type === 'LineString' ? list(position)
      : type === 'MultiLineString' || type === 'Polygon' ? list(() => list(position))
      : list(() => list(() => list(position)));
    return checkGeometry({ type, coordinates });
  }
}

/** Parses a CQL2 text filter. Example: `status = 'available' AND priceSekPerM2 < 500`. */
export function parseCql2Text(text: string): Expr {
  if (text.length > LIMITS.chars) throw filterError(`longer than ${LIMITS.chars} characters`);
  return new Parser(tokenize(text)).parse();
}
