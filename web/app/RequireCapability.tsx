import { Skeleton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Capability } from '../../shared/authz.ts'
import { useReasonText } from '../design-system/Ability.tsx'
import { ForbiddenPage } from './NotFoundPage.tsx'
import { useMe } from './session.ts'

/** Renders its page only when `me.abilities[capability]` allows it; otherwise explains why not. */
export function RequireCapability({
  capability,
  title,
  children,
}: {
  capability: Capability
  title: string
  children: ReactNode
}) {
  const { data: me, isLoading } = useMe()
  const reason = useReasonText()
  if (isLoading) return <Skeleton height={48} />
  const ability = me?.abilities[capability]
  if (!ability?.allowed) return <ForbiddenPage title={title} reason={reason(ability ?? { allowed: false })} />
  return <>{children}</>
}
