import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont } from 'pdf-lib'

/**
 * The PDF's fonts: DejaVu Sans (regular, bold) and DejaVu Sans Mono, from the `dejavu-fonts-ttf`
 * package, embedded as subsets. They cover every Latin script of Europe (French, Dutch, German, Polish,
 * Lithuanian, Czech, Romanian…), Greek and Cyrillic; a character they lack is drawn as "?" rather than
 * as an empty box (see `sanitize`).
 */
export interface PdfFonts {
  regular: PDFFont
  bold: PDFFont
  mono: PDFFont
  /** Keeps what the fonts can draw: other characters become "?", control characters go. */
  sanitize(text: string): string
}

const require = createRequire(import.meta.url)
const files = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' } as const
let cache: Record<keyof typeof files, Uint8Array> | null = null

function fontBytes(): Record<keyof typeof files, Uint8Array> {
  if (!cache) {
    const load = (name: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)))
    cache = { regular: load(files.regular), bold: load(files.bold), mono: load(files.mono) }
  }
  return cache
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]
type FontkitFont = ReturnType<Fontkit['create']>
const parsed = new Map<Uint8Array, FontkitFont>()

/**
 * fontkit, with two changes that make a render ten times cheaper:
 *  - a font file is parsed once per process, not once per document (the parsed font is only read:
 *    each document takes its own subset of it);
 *  - `layout` maps each code point to its glyph and does no OpenType shaping. pdf-lib keeps only the
 *    glyph ids and advance widths of a layout (it drops the positions kerning and marks compute), so
 *    shaping every measured and drawn string was pure cost. Text is NFC-normalised first, so accented
 *    letters are single glyphs; there are no ligatures (copying text out of the PDF gives the letters).
 */
const plainFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data)
    if (!font) {
      const f = fontkit.create(data, postscriptName)
      f.layout = ((text: string) => ({
        glyphs: Array.from(text, (ch) => f.glyphForCodePoint(ch.codePointAt(0) ?? 0)),
        positions: [],
      })) as unknown as typeof f.layout
      font = f
      parsed.set(data, font)
    }
    return font
  },
}

export async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(plainFontkit)
  const bytes = fontBytes()
  const options = { subset: true }
  const [regular, bold, mono] = await Promise.all([
    doc.embedFont(bytes.regular, options),
    doc.embedFont(bytes.bold, options),
    doc.embedFont(bytes.mono, options),
  ])
  // Regular and bold cover the same characters; mono is only given hex, base64 and file names
  // (which go through the regular set too, and are drawn in mono only when it has every glyph).
  const drawable = new Set(regular.getCharacterSet())
  const sanitize = (text: string): string => {
    let out = ''
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0) ?? 0
      if (ch === '\n') out += ch
      else if (ch === '\t') out += '    '
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad || cp === 0x200b || cp === 0xfeff) continue
      else if (drawable.has(cp)) out += ch
      else out += /\p{Zs}/u.test(ch) ? ' ' : /\p{Pd}/u.test(ch) ? '-' : '?'
    }
    return out
  }
  return { regular, bold, mono, sanitize }
}
