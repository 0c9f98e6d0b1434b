// markdown-it-footnote ships no types: it is a markdown-it plugin (footnote references [^1] and definitions [^1]: …).
declare module 'markdown-it-footnote' {
  import type { MarkdownIt } from 'markdown-it';

  const footnote: (md: MarkdownIt) => void;
  export default footnote;
}
