/** A one-line progress display. @private */
export interface ProgressLine {
  /** Shows a percentage (0 … 100) of a step, redrawing only when the whole percent or the step changes. */
  readonly update: (percentage: number, phase?: string) => void;
  /** Clears the line if anything was shown; safe to call more than once. */
  readonly done: () => void;
}

/**
 * A progress line for a terminal's stderr: `DuckDB movements: 42 %`, redrawn in place with a carriage return and erased
 * when done, so the report that follows starts on a clean line. The CLI creates it only when stderr is a TTY
 * and the output is not `--json`, so nothing is written when piped.
 *
 * @private
 */
export function progressLine(write: (text: string) => void, label = 'DuckDB'): ProgressLine {
  let shown: string | null = null;
  return {
    update: (percentage, phase) => {
      const whole = Math.max(0, Math.min(100, Math.floor(percentage)));
      const text = `${label}${phase === undefined ? '' : ` ${phase}`}: ${whole} %`;
      if (text === shown) return;
      // Padding covers the rest of a longer previous text.
      write(`\r${text.padEnd(shown?.length ?? 0)}`);
      shown = text;
    },
    done: () => {
      if (shown !== null) write('\r\u001b[2K');
      shown = null;
    },
  };
}
