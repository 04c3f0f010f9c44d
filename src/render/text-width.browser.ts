import { FONT } from './theme.js';

/** What the page's canvas gives to measure text with. */
interface Measuring {
  font: string;
  measureText(text: string): { width: number };
}

let context: Measuring | undefined;

/** text-width.ts's `textWidth` in the explorer page, which has no font files: the browser measures the font it draws with. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const { OffscreenCanvas } = globalThis as unknown as { OffscreenCanvas: new (width: number, height: number) => { getContext(kind: '2d'): Measuring } };
  context ??= new OffscreenCanvas(1, 1).getContext('2d');
  context.font = `${bold ? 'bold ' : ''}${fontSize}px ${FONT}`;
  return context.measureText(text).width;
}
