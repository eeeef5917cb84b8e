import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core'
import { createLink, type LinkComponent } from '@tanstack/react-router'
import type { ComponentPropsWithRef } from 'react'

/**
 * Mantine's Anchor and Button as type-safe router links (TanStack `createLink`): `to`, `params` and
 * `search` are checked against the route tree.
 */
type MantineAnchorProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>
function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor component="a" {...props} />
}
const CreatedAnchorLink = createLink(MantineAnchor)
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
)

type MantineButtonProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>
function MantineButtonAnchor(props: MantineButtonProps) {
  return <Button component="a" {...props} />
}
const CreatedButtonLink = createLink(MantineButtonAnchor)
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
)
