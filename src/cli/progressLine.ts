/** A one-line progress display. @private */
export interface ProgressLine {
  /** Shows a percentage (0 … 100), redrawing the line only when the whole percent changes. */
  readonly update: (percentage: number) => void;
  /** Clears the line if anything was shown; safe to call more than once. */
  readonly done: () => void;
}

/**
 * A progress line for a terminal's stderr: `DuckDB: 42 %`, redrawn in place with a carriage return and erased
 * when done, so the report that follows starts on a clean line. The CLI creates it only when stderr is a TTY
 * and the output is not `--json`, so nothing is written when piped.
 *
 * @private
 */
export function progressLine(write: (text: string) => void, label = 'DuckDB'): ProgressLine {
  let shown: number | null = null;
  return {
    update: (percentage) => {
      const whole = Math.max(0, Math.min(100, Math.floor(percentage)));
      if (whole === shown) return;
      shown = whole;
      write(`\r${label}: ${whole} %`);
    },
    done: () => {
      if (shown !== null) write('\r\u001b[2K');
      shown = null;
    },
  };
}
