/**
 * Some readers send the same frame twice. A frame byte-identical to the one accepted just before,
 * within the window, is such a re-send: dropped and counted. Anything else, including the same
 * document rescanned a moment later by a guard, is a new scan (the core's duplicate check flags it).
 */
export class RereadSuppressor {
  private last: { readonly raw: Uint8Array; readonly atMs: number } | null = null;

  constructor(private readonly windowMs: number) {}

  /** True when this frame is a re-send of the last accepted one and should be dropped. */
  isReread(raw: Uint8Array, atMs: number): boolean {
    const last = this.last;
    if (this.windowMs > 0 && last !== null && atMs - last.atMs <= this.windowMs && Buffer.from(last.raw).equals(raw)) return true;
    this.last = { raw, atMs };
    return false;
  }
}
