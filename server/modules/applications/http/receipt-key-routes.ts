import { receiptKeys } from '../../../../shared/contracts/calls.ts'
import { defineRoute } from '../../../platform/http/route.ts'
import { listReceiptKeys } from '../queries/receipt-keys.ts'

const tags = ['applications']

export const receiptKeyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/receipts/keys',
    capability: 'public',
    summary:
      "The platform's public keys that sign submission receipts (Ed25519, SPKI DER base64), retired ones included",
    tags,
    response: receiptKeys,
    handler: async (_input, ctx) => listReceiptKeys(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/.well-known/cascade-receipt-keys.json',
    capability: 'public',
    summary: 'The receipt signing keys at a well-known address, for verifiers',
    tags,
    response: receiptKeys,
    handler: async (_input, ctx) => listReceiptKeys(ctx),
  }),
]
