import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core'

/**
 * Cascade's theme. Every foreground colour used on a light background reaches WCAG AA (4.5:1) contrast:
 * the primary palette is a deep blue whose filled shade (7, #1f5cb3) gives 6.5:1 with white text; other
 * colours' filled and text variables use shade 9; dimmed, placeholder and error text are darkened.
 * Checked by axe-core in the end-to-end tests.
 */
const cascade: MantineColorsTuple = [
  '#eaf2fc',
  '#d4e3f7',
  '#a9c6ee',
  '#7ba7e4',
  '#548cdb',
  '#3b7bd6',
  '#2b6ccc',
  '#1f5cb3',
  '#184e9a',
  '#0f3d7d',
]

export const theme = createTheme({
  primaryColor: 'cascade',
  primaryShade: { light: 7, dark: 7 },
  colors: { cascade },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  cursorType: 'pointer',
  // No animations for people who ask their system for reduced motion (and stable end-to-end checks).
  respectReducedMotion: true,
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Tooltip: { defaultProps: { multiline: true, maw: 280, withArrow: true } },
    // A button with a long label on a phone wraps it rather than cutting it off.
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 4 },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center', lineHeight: 1.25 },
      },
    },
    // A badge in a narrow column wraps its words rather than cutting them off with an ellipsis.
    Badge: {
      defaultProps: { tt: 'none', fw: 600 },
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
      },
    },
    // A dialog's header is not the page's banner landmark (axe: landmark-no-duplicate-banner).
    ModalHeader: { defaultProps: { component: 'div' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
  },
})

const strongColours = ['red', 'green', 'teal', 'orange', 'yellow', 'grape', 'violet', 'blue', 'indigo', 'cyan', 'pink']

const lightText: Record<string, string> = {
  green: '#1b5e2a',
  yellow: '#7a4a00',
  orange: '#8a3a06',
  red: '#a51d1d',
  teal: '#0b5e46',
  grape: '#6b1f7a',
  blue: '#0b4a8b',
  gray: '#343a40',
}

export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-cascade-8)',
    '--mantine-color-default-border': 'var(--mantine-color-gray-6)',
  }
  for (const c of strongColours) {
    light[`--mantine-color-${c}-filled`] = `var(--mantine-color-${c}-9)`
    light[`--mantine-color-${c}-filled-hover`] = `var(--mantine-color-${c}-8)`
    light[`--mantine-color-${c}-text`] = `var(--mantine-color-${c}-9)`
    light[`--mantine-color-${c}-outline`] = `var(--mantine-color-${c}-9)`
  }
  // Text of the light variants (badges, alerts) on their pale background: at least 6:1.
  for (const [c, hex] of Object.entries(lightText)) light[`--mantine-color-${c}-light-color`] = hex
  light['--mantine-color-gray-text'] = 'var(--mantine-color-gray-8)'
  return { variables: {}, light, dark: {} }
}
