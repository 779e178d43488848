export interface Size {
  min: number;
  gzip: number;
  brotli: number;
}
export const SHIPPED: string[];
export function sizeOf(buffer: Uint8Array): Size;
export function measure(files?: string[], root?: string): Record<string, Size>;
export function formatBytes(n: number): string;
