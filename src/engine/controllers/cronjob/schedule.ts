/**
 * Cron schedules as robfig/cron v3 parses them for the CronJob controller: 5 fields (minute hour
 * day-of-month month day-of-week) with `*`, `*\/n`, ranges, lists, month/day names, `@hourly` etc.,
 * and an optional `CRON_TZ=`/`TZ=` prefix or `spec.timeZone` (UTC offsets only in the simulation:
 * fixed-offset zones `Etc/GMT±n` and `UTC`).
 */

export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parseField(
  text: string,
  min: number,
  max: number,
  names?: string[],
): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  const val = (s: string) => {
    const i = names ? names.indexOf(s.toLowerCase()) : -1;
    const n = i >= 0 ? i + (names === MONTHS ? 1 : 0) : Number(s);
    if (!/^\d+$/.test(String(n)) || Number.isNaN(n))
      throw new Error(`failed to parse int from ${s}`);
    return n;
  };
  let star = false;
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0)
      throw new Error(`failed to parse int from ${stepText}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
      if (stepText === undefined) star = true;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = val(a);
      hi = val(b);
    } else {
      lo = val(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi)
      throw new Error(`end of range (${hi}) above maximum (${max}): ${part}`);
    for (let i = lo; i <= hi; i += step) set.add(i === 7 && names === DAYS ? 0 : i);
  }
  return { set, star };
}

/** Offsets for the zones the simulation understands: UTC and fixed `Etc/GMT±n` (sign inverted, as in tzdata). */
export function zoneOffsetMinutes(tz: string | undefined): number {
  if (!tz || tz === 'UTC' || tz === 'Etc/UTC' || tz === 'Local') return 0;
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(tz);
  if (m) return (m[1] === '+' ? -1 : 1) * Number(m[2]) * 60;
  throw new Error(`unknown time zone ${tz}`);
}

export function parseSchedule(text: string, timeZone?: string): Schedule {
  let s = text.trim();
  let tz = timeZone;
  const tzm = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(s);
  if (tzm) {
    tz = tzm[1];
    s = tzm[2];
  }
  s = DESCRIPTORS[s] ?? s;
  if (s.startsWith('@every ')) throw new Error(`unsupported descriptor: ${s}`);
  const f = s.split(/\s+/);
  if (f.length !== 5) throw new Error(`expected exactly 5 fields, found ${f.length}: ${s}`);
  const dom = parseField(f[2], 1, 31);
  const dow = parseField(f[4], 0, 7, DAYS);
  return {
    minute: parseField(f[0], 0, 59).set,
    hour: parseField(f[1], 0, 23).set,
    dom: dom.set,
    month: parseField(f[3], 1, 12, MONTHS).set,
    dow: dow.set,
    domStar: dom.star,
    dowStar: dow.star,
    offsetMinutes: zoneOffsetMinutes(tz),
  };
}

function matches(s: Schedule, d: Date): boolean {
  if (
    !s.minute.has(d.getUTCMinutes()) ||
    !s.hour.has(d.getUTCHours()) ||
    !s.month.has(d.getUTCMonth() + 1)
  )
    return false;
  const domOk = s.dom.has(d.getUTCDate());
  const dowOk = s.dow.has(d.getUTCDay());
  // Vixie cron: when both day fields are restricted, either may match.
  if (s.domStar || s.dowStar) return domOk && dowOk;
  return domOk || dowOk;
}

/** The first activation strictly after `afterMs` (epoch ms). Searches at most 5 years. */
export function nextAfter(s: Schedule, afterMs: number): number | undefined {
  const off = s.offsetMinutes * 60_000;
  let t = Math.floor((afterMs + off) / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 24 * 3_600_000;
  while (t < limit) {
    const d = new Date(t);
    if (matches(s, d)) return t - off;
    t += 60_000;
  }
  return undefined;
}
