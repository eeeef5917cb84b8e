import { z } from 'zod'
import { uuid } from '../../../../shared/contracts/common.ts'

export const tags = ['organisations']
/** Routes about one organisation: the platform checks the capability against it before validation. */
export const organisationSubject = { type: 'organisation', param: 'organisationId' } as const
export const organisationParams = z.object({ organisationId: uuid })
export const memberParams = organisationParams.extend({ userId: uuid })
export const invitationParams = organisationParams.extend({ invitationId: uuid })
export const tokenParams = z.object({ token: z.string().min(16).max(128) })
