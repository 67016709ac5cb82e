// RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits) written independently of the server, to act as the user's
// authenticator app in tests.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (no padding needed). */
export function base32Decode(text) {
  let bits = '';
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    const value = ALPHABET.indexOf(character);
    if (value < 0) throw new Error(`not base32: ${character}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let index = 0; index + 8 <= bits.length; index += 8) bytes.push(parseInt(bits.slice(index, index + 8), 2));
  return Buffer.from(bytes);
}

/** The code for `secret` (base32) at time step offset `offset` from now. */
export function totp(secret, offset = 0, now = Date.now()) {
  const step = Math.floor(now / 1000 / 30) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const start = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(start) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}
