/**
 * pflag-style flag parsing: `--name=value`, `--name value`, `-n value`, `-nvalue`, bool flags
 * (`--watch`, `--watch=false`), repeated string-array flags, and `--` ending the flags. Errors use
 * cobra's wording (`unknown flag: --bogus`, `flag needs an argument: 'o' in -o`).
 */

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  type: FlagType;
  short?: string;
  default?: string | boolean | number | string[];
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal, e.g. `--dry-run`). */
  noOptDefault?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export class UsageError extends Error {}

/** Flags every kubectl command accepts (`kubectl options`). */
export const GLOBAL_FLAGS: FlagSpecs = {
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  cluster: { type: 'string' },
  user: { type: 'string' },
  'request-timeout': { type: 'string' },
  server: { type: 'string', short: 's' },
  v: { type: 'int', short: 'v' },
  help: { type: 'bool', short: 'h' },
};

export class Flags {
  constructor(
    private values: Record<string, string | boolean | number | string[]>,
    private set: Set<string>,
  ) {}
  has(name: string): boolean {
    return this.set.has(name);
  }
  str(name: string): string {
    const v = this.values[name];
    return v === undefined ? '' : String(v);
  }
  bool(name: string): boolean {
    return this.values[name] === true;
  }
  int(name: string, dflt = 0): number {
    const v = this.values[name];
    return typeof v === 'number' ? v : dflt;
  }
  strs(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v : [];
  }
}

export interface ParsedArgs {
  flags: Flags;
  args: string[];
  /** Words after `--` (exec, run --command), undefined without `--`. */
  dash?: string[];
}

function parseBool(v: string, flag: string): boolean {
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(v)) return true;
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(v)) return false;
  throw new UsageError(
    `invalid argument "${v}" for "${flag}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`,
  );
}

export function parseFlags(argv: string[], specs: FlagSpecs): ParsedArgs {
  const all: FlagSpecs = { ...GLOBAL_FLAGS, ...specs };
  const byShort = new Map<string, string>();
  for (const [name, s] of Object.entries(all)) if (s.short) byShort.set(s.short, name);
  const values: Record<string, string | boolean | number | string[]> = {};
  for (const [name, s] of Object.entries(all)) {
    if (s.default !== undefined) values[name] = s.default;
    else if (s.type === 'strings') values[name] = [];
  }
  const set = new Set<string>();
  const args: string[] = [];
  let dash: string[] | undefined;

  const assign = (name: string, raw: string, label: string) => {
    const spec = all[name];
    set.add(name);
    if (spec.type === 'bool') values[name] = parseBool(raw, label);
    else if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw))
        throw new UsageError(
          `invalid argument "${raw}" for "${label}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        );
      values[name] = Number(raw);
    } else if (spec.type === 'strings') {
      const prev = set.has(name) && Array.isArray(values[name]) ? (values[name] as string[]) : [];
      values[name] = [...prev, raw];
    } else values[name] = raw;
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all[name];
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (eq >= 0) assign(name, a.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') assign(name, 'true', `--${name}`);
      else if (spec.noOptDefault !== undefined) assign(name, spec.noOptDefault, `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: --${name}`);
        assign(name, argv[++i], `--${name}`);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      // Shorthand cluster: -it, -oyaml, -n ns, -l=app=web
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const name = byShort.get(ch);
        if (!name) throw new UsageError(`unknown shorthand flag: '${ch}' in ${a}`);
        const spec = all[name];
        const label = `-${ch}, --${name}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            assign(name, a.slice(j + 2), label);
            break;
          }
          assign(name, 'true', label);
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest) assign(name, rest, label);
        else {
          if (i + 1 >= argv.length)
            throw new UsageError(`flag needs an argument: '${ch}' in -${ch}`);
          assign(name, argv[++i], label);
        }
        break;
      }
    } else args.push(a);
  }
  return { flags: new Flags(values, set), args, dash };
}

/** The index of the command word in argv, skipping global flags placed before it. */
export function commandIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) return i;
    if (a.includes('=') || a === '--') continue;
    const long = a.startsWith('--') ? a.slice(2) : undefined;
    const spec =
      long !== undefined
        ? GLOBAL_FLAGS[long]
        : Object.values(GLOBAL_FLAGS).find((s) => s.short === a.slice(1));
    if (spec && spec.type !== 'bool' && (long !== undefined || a.length === 2)) i++;
  }
  return -1;
}
