const ALNUM = /[\p{L}\p{N}]/u;
const STAR = '*';

/** Masks every letter/digit, keeping the characters for which `keep(index)` holds. */
function maskWhere(value: string, keep: (i: number, ch: string) => boolean): string {
  let out = '';
  let i = 0;
  for (const ch of value) {
    out += ALNUM.test(ch) && !keep(i, ch) ? STAR : ch;
    i += ch.length;
  }
  return out;
}

/** Offsets (UTF-16) of the last `n` digits. */
function lastDigits(value: string, n: number): Set<number> {
  const keep = new Set<number>();
  for (let i = value.length - 1; i >= 0 && keep.size < n; i -= 1) if (/\d/.test(value[i] ?? '')) keep.add(i);
  return keep;
}

/**
 * Shape-keeping masks: `***-**-6789`, `j***@****.com`, `010-****-5678`, dates keep the year, `J*** S****`.
 * Enough stays visible for a reader to tell records apart, never enough to identify.
 */
export function maskValue(type: string, value: string): string {
  switch (type) {
    case 'EMAIL': {
      const at = value.lastIndexOf('@');
      if (at <= 0) return maskWhere(value, () => false);
      const tld = value.lastIndexOf('.');
      return maskWhere(value, (i) => i === 0 || (tld > at && i > tld));
    }
    case 'PHONE':
    case 'FAX': {
      const keep = lastDigits(value, 4);
      const groups = [...value.matchAll(/\+?\d+/g)];
      if (groups.length >= 3) {
        const lead = groups[0]?.[0].startsWith('+') ? groups[1] : groups[0];
        const upto = lead && lead[0].length <= 4 ? (lead.index ?? 0) + lead[0].length : 0;
        for (let i = 0; i < upto; i += 1) keep.add(i);
      }
      return maskWhere(value, (i) => keep.has(i));
    }
    case 'DATE': {
      const year = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(value);
      // Korean unit markers (년 월 일) and month words' shape stay; only the values go.
      return maskWhere(value, (i, ch) => (year !== null && i >= year.index && i < year.index + 4) || '년월일'.includes(ch));
    }
    case 'NAME': {
      return maskWhere(value, (i) => i === 0 || !ALNUM.test(value[i - 1] ?? ''));
    }
    case 'SECRET':
      // Provider prefixes (AKIA, ghp_, sk_live_) are not secret and say what leaked.
      return maskWhere(value, (i) => value.length > 12 && i < 4);
    case 'GENOMIC':
    case 'LOCATION':
    case 'URL':
    case 'IP':
    case 'AGE_OVER_89':
      return maskWhere(value, () => false);
    default: {
      const digits = value.replace(/\D/g, '').length;
      const keep = digits >= 7 ? lastDigits(value, 4) : new Set<number>();
      return maskWhere(value, (i) => keep.has(i));
    }
  }
}
