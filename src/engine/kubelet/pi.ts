/** Digits of pi (`perl -Mbignum=bpi -wle "print bpi(2000)"`, the Job example), by Machin's formula. */
export function piDigits(n: number): string {
  const digits = Math.max(1, Math.min(n, 5000));
  const scale = 10n ** BigInt(digits + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let k = 0n; term !== 0n; k++) {
      sum += k % 2n === 0n ? term / (2n * k + 1n) : -term / (2n * k + 1n);
      term /= x2;
    }
    return sum;
  };
  const all = ((4n * (4n * arctanInv(5n) - arctanInv(239n))) / 10n ** 10n).toString();
  // bpi(N) prints N significant digits: "3." followed by N-1 decimals.
  return `${all[0]}.${all.slice(1, digits)}`;
}
