/** Vite's `?raw` imports: a file's text, so tests read the shipped solutions without Node's fs (see test/architecture). */
declare module '*?raw' {
  const text: string;
  export default text;
}
