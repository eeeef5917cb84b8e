import { ActionIcon, Group, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react'
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react'
import { useTranslation } from 'react-i18next'

const AnnounceContext = createContext<(message: string) => void>(() => {})

/** A polite live region for the editor: moves and removals are announced to screen readers. */
export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('')
  const announce = useCallback((m: string) => {
    // Clearing first makes the same message (moving twice) be read again.
    setMessage('')
    requestAnimationFrame(() => setMessage(m))
  }, [])
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <VisuallyHidden aria-live="polite" role="status">
        {message}
      </VisuallyHidden>
    </AnnounceContext.Provider>
  )
}

export const useAnnounce = () => useContext(AnnounceContext)

/** Focus the move button of an item after it moved (its element may have been re-created). */
function refocus(id: string, direction: 'up' | 'down') {
  requestAnimationFrame(() => {
    const wanted = document.querySelector<HTMLButtonElement>(`[data-move="${id}"][data-direction="${direction}"]`)
    const other = document.querySelector<HTMLButtonElement>(
      `[data-move="${id}"][data-direction="${direction === 'up' ? 'down' : 'up'}"]`,
    )
    const target = wanted && !wanted.disabled ? wanted : other
    target?.focus()
  })
}

/**
 * Move up, move down and remove buttons for one item of a list, named after the item ("Move
 * question “Acronym” up"); after a move the focus stays on the button and the new position is announced.
 */
export function ListControls(props: {
  /** A stable id of the item (for focus after the move). */
  id: string
  index: number
  count: number
  /** What the item is called in the buttons' names: "question “Acronym”". */
  name: string
  onMove: (from: number, to: number) => void
  onRemove?: () => void
  removeDisabled?: boolean
}) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const move = (direction: 'up' | 'down') => {
    const to = direction === 'up' ? props.index - 1 : props.index + 1
    props.onMove(props.index, to)
    announce(t('calls.reorder.moved', { name: props.name, position: to + 1, total: props.count }))
    refocus(props.id, direction)
  }
  const button = (direction: 'up' | 'down', label: string, icon: ReactNode, disabled: boolean) => (
    <Tooltip label={label} withinPortal>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        disabled={disabled}
        data-move={props.id}
        data-direction={direction}
        onClick={() => move(direction)}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
  return (
    <Group gap={4} wrap="nowrap">
      {button(
        'up',
        t('calls.reorder.moveUp', { name: props.name }),
        <IconArrowUp size={16} aria-hidden />,
        props.index === 0,
      )}
      {button(
        'down',
        t('calls.reorder.moveDown', { name: props.name }),
        <IconArrowDown size={16} aria-hidden />,
        props.index === props.count - 1,
      )}
      {props.onRemove ? (
        <Tooltip label={t('calls.reorder.remove', { name: props.name })} withinPortal>
          <ActionIcon
            variant="default"
            color="red"
            size="lg"
            aria-label={t('calls.reorder.remove', { name: props.name })}
            disabled={props.removeDisabled}
            onClick={() => {
              props.onRemove?.()
              announce(t('calls.reorder.removed', { name: props.name }))
            }}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  )
}
