// The part of markdown-it the placeholder test uses (the package ships no types).
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    render(src: string): string;
  }
}
