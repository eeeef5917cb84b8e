// Reads the text back out of a PDF made by Cascade (pdf-lib with embedded subset fonts): each page's
// content streams show glyph ids (`<0001000200…> Tj`) in a font whose ToUnicode CMap maps them back to
// characters. Enough for the tests to check what a reader sees; not a general PDF text extractor.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFString,
} from 'pdf-lib'

const decode = (s: PDFRawStream) => new TextDecoder().decode(decodePDFRawStream(s).decode())

function toUnicodeOf(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const map = new Map<string, string>()
  const cmap = font.lookup(PDFName.of('ToUnicode'))
  if (!(cmap instanceof PDFRawStream)) return map
  const text = decode(cmap)
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const cps = to!.match(/.{4}/g)!.map((h) => Number.parseInt(h, 16))
      map.set(from!.toUpperCase(), String.fromCharCode(...cps))
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, a, b, c] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let g = Number.parseInt(a!, 16), u = Number.parseInt(c!, 16); g <= Number.parseInt(b!, 16); g++, u++)
        map.set(g.toString(16).padStart(4, '0').toUpperCase(), String.fromCodePoint(u))
    }
  }
  void doc
  return map
}

/** The text of each page, one line per text-showing operator. */
export function pdfText(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => {
    const fonts = new Map<string, Map<string, string>>()
    const dict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict)
    for (const [name, ref] of dict?.entries() ?? []) {
      fonts.set(name.asString(), toUnicodeOf(doc, doc.context.lookup(ref, PDFDict)))
    }
    const contents = page.node.Contents()
    const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
    const lines: string[] = []
    for (const ref of streams) {
      const stream = doc.context.lookup(ref)
      if (!(stream instanceof PDFRawStream)) continue
      let font = new Map<string, string>()
      for (const m of decode(stream).matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map()
        else lines.push((m[2]!.match(/.{4}/g) ?? []).map((g) => font.get(g.toUpperCase()) ?? '\uFFFD').join(''))
      }
    }
    return lines.join('\n')
  })
}

/** The files attached to the PDF (EmbeddedFiles name tree, one level), name → text. */
export function attachmentsOf(doc: PDFDocument): Record<string, string> {
  const out: Record<string, string> = {}
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict)
  const embedded = names?.lookup(PDFName.of('EmbeddedFiles'), PDFDict)
  const list = embedded?.lookup(PDFName.of('Names'), PDFArray)
  if (!list) return out
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const key = list.lookup(i)
    const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key)
    const spec = list.lookup(i + 1, PDFDict)
    const ef = spec.lookup(PDFName.of('EF'), PDFDict)
    const file = ef.lookup(PDFName.of('F'))
    if (file instanceof PDFRawStream) out[name] = decode(file)
  }
  return out
}
