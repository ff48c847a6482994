/** Does a byte string look like the start of a pickle stream (for nested and trailing streams)? */

/**
 * Protocol 0/1 without PROTO: a GLOBAL whose two lines are followed by a real opcode, an INST, or
 * a MARK followed by a typical first opcode. Plain text ("(c) 2024", "cuda\nenabled\ntrue")
 * must not match, or README files would be reported as broken pickles.
 */
const PROTO0_START = /^(?:c[A-Za-z_][\w.]{0,200}\n[A-Za-z_][\w.]{0,200}\n[(pqN)}\]\x85\x86\x87\x94.R]|\((?:[dl]p\d{1,9}\n|[dl][(.q]|t[pq.R]|S'|S"|V[^\n]{0,200}\n|I-?\d{1,30}\n|N[^A-Za-z]|c[A-Za-z_][\w.]{0,200}\n[A-Za-z_][\w.]{0,200}\n|i[A-Za-z_][\w.]{0,200}\n)|i[A-Za-z_][\w.]{0,200}\n[A-Za-z_][\w.]{0,200}\n)/;

export function looksLikePickle(head: Uint8Array): boolean {
  if (head.length < 2) return false;
  if (head[0] === 0x80) return (head[1] as number) <= 5 && head.length >= 3;
  // Protocol 1 without PROTO: an empty dict/list followed by a memo put or a MARK.
  if ((head[0] === 0x7d || head[0] === 0x5d) && [0x71, 0x28, 0x94, 0x72].includes(head[1] as number)) return true;
  if (head[0] !== 0x63 && head[0] !== 0x28 && head[0] !== 0x69) return false;
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 420)).toString('latin1');
  return PROTO0_START.test(text);
}

const B64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** Base64 text whose decoding looks like a pickle (pickle.loads(base64.b64decode(...))). */
export function decodeBase64Pickle(text: string): Uint8Array | null {
  const t = text.trim();
  if (t.length < 16 || t.length > 64 * 1024 * 1024 || !B64.test(t)) return null;
  const head = Buffer.from(t.slice(0, 64), 'base64');
  if (!looksLikePickle(head)) return null;
  return Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
}
