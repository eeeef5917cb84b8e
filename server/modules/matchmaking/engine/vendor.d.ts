// Types for the two text packages the matching engine uses; neither ships its own.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string
  }
  const snowball: {
    newStemmer(algorithm: string): Stemmer
    algorithms(): string[]
  }
  export default snowball
}

declare module 'stopword' {
  /** Stop-word lists by ISO 639-3 code (eng, fra, nld, deu, spa, ita, …). */
  const lists: Record<string, readonly string[] | undefined>
  export default lists
}
