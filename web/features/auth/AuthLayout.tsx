import { Box, Paper } from '@mantine/core'
import type { ReactNode } from 'react'
import { PageHeader } from '../../design-system/PageHeader.tsx'

/** The narrow, centred column of the account pages (sign in, sign up, reset…). */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string
  description?: ReactNode
  children: ReactNode
  footer?: ReactNode
}) {
  return (
    <Box maw={460} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      <PageHeader title={title} description={description} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        {children}
      </Paper>
      {footer ? <Box mt="md">{footer}</Box> : null}
    </Box>
  )
}
