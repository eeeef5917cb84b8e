import { Button, type ButtonProps, Tooltip, VisuallyHidden } from '@mantine/core'
import { type MouseEventHandler, type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Abilities, Ability } from '../../shared/contracts/common.ts'

/** The caller's ability for one action; `undefined` when the server did not mention it (then the action is hidden). */
export function abilityOf(abilities: Abilities | undefined, key: string): Ability | undefined {
  return abilities?.[key]
}

export function useReasonText() {
  const { t, i18n } = useTranslation()
  return (ability: Ability | undefined): string | undefined => {
    if (!ability || ability.allowed) return undefined
    const key = `reasons.${ability.reason ?? 'missing_role'}`
    return i18n.exists(key) ? t(key) : t('reasons.missing_role')
  }
}

interface AbilityButtonProps extends ButtonProps {
  ability: Ability | undefined
  onClick?: MouseEventHandler<HTMLButtonElement>
  children: ReactNode
  type?: 'button' | 'submit'
}

/**
 * A button for an action the server may refuse: hidden when the server says nothing about it, disabled
 * with the translated reason as a tooltip (and as its accessible description) when it is not allowed.
 */
export function AbilityButton({ ability, onClick, children, type = 'button', ...rest }: AbilityButtonProps) {
  const reason = useReasonText()(ability)
  const reasonId = useId()
  if (!ability) return null
  if (ability.allowed)
    return (
      <Button type={type} onClick={onClick} {...rest}>
        {children}
      </Button>
    )
  return (
    <>
      <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
        <Button
          type="button"
          {...rest}
          data-disabled
          aria-disabled="true"
          aria-describedby={reasonId}
          onClick={(e) => e.preventDefault()}
        >
          {children}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
    </>
  )
}
