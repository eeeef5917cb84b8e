import { createHmac } from 'node:crypto'

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const ch of input.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(ch)
    if (v < 0) throw new Error(`not base32: ${ch}`)
    bits += v.toString(2).padStart(5, '0')
  }
  const bytes: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}

/** The current TOTP code (RFC 6238, SHA-1, 30 s, 6 digits) for an otpauth:// URI, as an authenticator app shows it. */
export function totpFromUri(uri: string, at = Date.now()): string {
  const params = new URL(uri).searchParams
  const key = base32Decode(params.get('secret') ?? '')
  const period = Number(params.get('period') ?? 30)
  const digits = Number(params.get('digits') ?? 6)
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / period)))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1]! & 0xf
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits
  return String(n).padStart(digits, '0')
}
