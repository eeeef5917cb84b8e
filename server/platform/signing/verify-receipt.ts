import { type SignedReceipt, signedReceipt } from '../../../shared/contracts/applications.ts'
import { canonical, keyIdOf, sha256Hex, verifySignature } from './index.ts'

/**
 * Offline verification of a submission receipt (pure: no I/O, so the CLI, the server and the tests
 * share it). A receipt is VALID only when every check that can be made passes AND its key is one of
 * the platform's published keys: the public key embedded in a receipt proves nothing on its own (a
 * forger embeds their own). Without the published keys the answer is `unverified_key`: the signature
 * matches the embedded key, whose fingerprint the reader compares by hand.
 */

/** A published key, as served at `/.well-known/cascade-receipt-keys.json` (`receiptKey`). */
export interface PublishedKey {
  keyId: string
  algorithm?: string
  publicKey: string
  createdAt?: string | null
  retiredAt?: string | null
}

export type CheckName = 'format' | 'key_id' | 'signature' | 'published_key' | 'digest'
export interface ReceiptCheck {
  name: CheckName
  status: 'pass' | 'fail' | 'skipped'
  detail: string
}

export interface ReceiptVerification {
  /** valid: everything checked passed against a published key; invalid: a check failed. */
  verdict: 'valid' | 'invalid' | 'unverified_key'
  checks: ReceiptCheck[]
  receipt: SignedReceipt | null
  /** SHA-256 of the embedded public key (SPKI DER), hex in pairs: to compare with the published one. */
  fingerprint: string | null
}

export interface VerifyReceiptOptions {
  /** The published keys (from a keys file or the platform's well-known address). */
  keys?: readonly PublishedKey[]
  /** The submitted content: a revision download (`revisionContent`) or its bare `content` object. */
  content?: unknown
}

export function fingerprintOf(publicKeySpkiBase64: string): string {
  return sha256Hex(Buffer.from(publicKeySpkiBase64, 'base64')).match(/../g)?.join(':') ?? ''
}

/** The content to hash: `{ revision, digest, content, receipt }` (a revision download) or the content itself. */
export function contentOf(value: unknown): { content: unknown; revision: number | null } {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>
    if ('content' in v && 'digest' in v && v.content && typeof v.content === 'object') {
      return { content: v.content, revision: typeof v.revision === 'number' ? v.revision : null }
    }
  }
  return { content: value, revision: null }
}

/** Reads a keys document: `{ keys: [...] }` (as published) or a bare array of keys. */
export function keysOf(value: unknown): PublishedKey[] | null {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : null
  if (!list) return null
  const keys: PublishedKey[] = []
  for (const k of list) {
    if (!k || typeof k !== 'object') return null
    const { keyId, publicKey } = k as Record<string, unknown>
    if (typeof keyId !== 'string' || typeof publicKey !== 'string') return null
    keys.push(k as PublishedKey)
  }
  return keys
}

export function verifyReceipt(input: unknown, opts: VerifyReceiptOptions = {}): ReceiptVerification {
  const checks: ReceiptCheck[] = []
  const parsed = signedReceipt.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    checks.push({
      name: 'format',
      status: 'fail',
      detail: `not a Cascade submission receipt (${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unreadable'})`,
    })
    return { verdict: 'invalid', checks, receipt: null, fingerprint: null }
  }
  const receipt = parsed.data
  checks.push({ name: 'format', status: 'pass', detail: receipt.payload.type })
  const fingerprint = fingerprintOf(receipt.publicKey)

  const derivedKeyId = keyIdOf(receipt.publicKey)
  checks.push(
    derivedKeyId === receipt.keyId
      ? { name: 'key_id', status: 'pass', detail: `key id ${receipt.keyId} is derived from the embedded public key` }
      : {
          name: 'key_id',
          status: 'fail',
          detail: `key id ${receipt.keyId} does not belong to the embedded public key (that is ${derivedKeyId})`,
        },
  )

  // The signature is checked over the canonical JSON of the payload as received (not the parsed
  // copy: parsing must not hide an extra or altered field).
  const rawPayload = (input as { payload: unknown }).payload
  let signed: string | null = null
  try {
    signed = canonical(rawPayload)
  } catch {
    signed = null
  }
  const signatureOk = signed !== null && verifySignature(receipt.publicKey, signed, receipt.signature)
  checks.push(
    signatureOk
      ? { name: 'signature', status: 'pass', detail: 'the Ed25519 signature over the canonical payload is valid' }
      : {
          name: 'signature',
          status: 'fail',
          detail: 'the Ed25519 signature does not match the payload: the receipt was altered or not signed by this key',
        },
  )

  if (opts.keys) {
    const published = opts.keys.find((k) => k.keyId === receipt.keyId)
    if (!published) {
      checks.push({
        name: 'published_key',
        status: 'fail',
        detail: `key ${receipt.keyId} is not one of the ${opts.keys.length} published key(s)`,
      })
    } else if (published.publicKey !== receipt.publicKey) {
      checks.push({
        name: 'published_key',
        status: 'fail',
        detail: `the published key ${receipt.keyId} is not the public key embedded in the receipt`,
      })
    } else if (published.retiredAt && Date.parse(receipt.payload.submittedAt) > Date.parse(published.retiredAt)) {
      checks.push({
        name: 'published_key',
        status: 'fail',
        detail: `key ${receipt.keyId} was retired on ${published.retiredAt}, before this receipt's submission time`,
      })
    } else {
      checks.push({
        name: 'published_key',
        status: 'pass',
        detail: `key ${receipt.keyId} is published${published.createdAt ? ` (since ${published.createdAt}${published.retiredAt ? `, retired ${published.retiredAt}` : ''})` : ''}`,
      })
    }
  } else {
    checks.push({
      name: 'published_key',
      status: 'skipped',
      detail: 'no published keys given (--keys or --url): compare the fingerprint with the one the programme publishes',
    })
  }

  if (opts.content !== undefined) {
    const { content, revision } = contentOf(opts.content)
    let digest: string | null = null
    try {
      digest = sha256Hex(canonical(content))
    } catch {
      digest = null
    }
    if (digest !== receipt.payload.digest) {
      checks.push({
        name: 'digest',
        status: 'fail',
        detail: `the content's SHA-256 is ${digest ?? '(not JSON)'}, the receipt says ${receipt.payload.digest}`,
      })
    } else if (revision !== null && revision !== receipt.payload.revision) {
      checks.push({
        name: 'digest',
        status: 'fail',
        detail: `the content is revision ${revision}, the receipt is for revision ${receipt.payload.revision}`,
      })
    } else {
      checks.push({ name: 'digest', status: 'pass', detail: `the content's SHA-256 matches the receipt (${digest})` })
    }
  }

  const verdict = checks.some((c) => c.status === 'fail')
    ? 'invalid'
    : checks.some((c) => c.status === 'skipped')
      ? 'unverified_key'
      : 'valid'
  return { verdict, checks, receipt, fingerprint }
}
