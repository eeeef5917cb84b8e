import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Database } from '../db/client.ts'

/**
 * The platform's Ed25519 signing key, for submission receipts. The key lives in the database so
 * every process behind a load balancer signs with the same one: the private half encrypted with a key
 * derived from AUTH_SECRET (AES-256-GCM), unless RECEIPT_SIGNING_KEY supplies it (then only the public
 * half is stored). Public keys are published and never deleted, so old receipts stay verifiable after
 * a key is retired.
 */
export interface Signer {
  keyId: string
  /** SPKI DER, base64. */
  publicKey: string
  sign(bytes: Uint8Array | string): string
}

export interface SigningOptions {
  authSecret: string
  /** PKCS#8 private key, PEM or base64 DER (RECEIPT_SIGNING_KEY). */
  privateKey?: string | undefined
}

/** RFC 8785 JSON Canonicalization Scheme: the bytes that are hashed and signed. */
export function canonical(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('value cannot be canonicalised')
  return text
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The key id: the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(spkiDerBase64: string): string {
  return sha256Hex(Buffer.from(spkiDerBase64, 'base64')).slice(0, 16)
}

function wrappingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cascade', 'receipt-signing-key', 32))
}

function encrypt(secret: string, plain: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret), iv)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.')
}

function decrypt(secret: string, sealed: string): Buffer | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64'))
    if (!iv || !tag || !body) return null
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()])
  } catch {
    return null
  }
}

function signerOf(privateKey: KeyObject): Signer {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (bytes) => sign(null, typeof bytes === 'string' ? Buffer.from(bytes) : bytes, privateKey).toString('base64'),
  }
}

function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim()
  const key = trimmed.startsWith('-----')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' })
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('RECEIPT_SIGNING_KEY must be an Ed25519 private key')
  return key
}

async function loadSigner(db: Database, opts: SigningOptions): Promise<Signer> {
  if (opts.privateKey) {
    const signer = signerOf(parsePrivateKey(opts.privateKey))
    await db
      .insertInto('signing_keys')
      .values({ key_id: signer.keyId, public_key: signer.publicKey, private_key_enc: null })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute()
    return signer
  }
  const active = await db
    .selectFrom('signing_keys')
    .select(['key_id', 'private_key_enc'])
    .where('retired_at', 'is', null)
    .where('private_key_enc', 'is not', null)
    .orderBy('created_at', 'desc')
    .execute()
  for (const row of active) {
    const der = row.private_key_enc ? decrypt(opts.authSecret, row.private_key_enc) : null
    if (der) return signerOf(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
  }
  // No usable key (first start, or AUTH_SECRET changed): make one. Keys that can no longer be
  // decrypted are retired but stay published, so their receipts still verify.
  const { privateKey } = generateKeyPairSync('ed25519')
  const signer = signerOf(privateKey)
  const der = privateKey.export({ type: 'pkcs8', format: 'der' })
  await db.transaction().execute(async (tx) => {
    if (active.length > 0) {
      await tx
        .updateTable('signing_keys')
        .set({ retired_at: new Date() })
        .where(
          'key_id',
          'in',
          active.map((r) => r.key_id),
        )
        .execute()
    }
    await tx
      .insertInto('signing_keys')
      .values({ key_id: signer.keyId, public_key: signer.publicKey, private_key_enc: encrypt(opts.authSecret, der) })
      .execute()
  })
  return signer
}

const options = new WeakMap<Database, SigningOptions>()
const signers = new WeakMap<Database, Promise<Signer>>()

/** Called once by the composition root (and by scripts) for a database. */
export function configureSigning(db: Database, opts: SigningOptions): void {
  options.set(db, opts)
  signers.delete(db)
}

/**
 * The signer for this database, loaded (or created) on first use. Two processes starting at once on
 * an empty table may each create a key; both stay published and both verify.
 */
export function signerFor(db: Database): Promise<Signer> {
  let s = signers.get(db)
  if (!s) {
    const opts = options.get(db)
    if (!opts) throw new Error('receipt signing is not configured for this database (configureSigning)')
    s = loadSigner(db, opts)
    s.catch(() => signers.delete(db))
    signers.set(db, s)
  }
  return s
}

/** The published public keys, newest first (retired ones included: they verify older receipts). */
export async function publishedKeys(db: Database) {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['key_id', 'algorithm', 'public_key', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    keyId: r.key_id,
    algorithm: 'Ed25519' as const,
    publicKey: r.public_key,
    createdAt: new Date(r.created_at).toISOString(),
    retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null,
  }))
}

/** Checks an Ed25519 signature (base64) over `data` with a public key (SPKI DER, base64). */
export function verifySignature(publicKeySpkiBase64: string, data: string, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeySpkiBase64, 'base64'), format: 'der', type: 'spki' })
    return verify(null, Buffer.from(data), key, Buffer.from(signatureBase64, 'base64'))
  } catch {
    return false
  }
}
