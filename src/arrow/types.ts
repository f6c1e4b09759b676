/**
 * The part of an Apache Arrow `Table` (the `apache-arrow` package, version 14 or later) that
 * `customer-health/arrow` reads: its row count and its columns by name. Typed structurally, so a table from any
 * copy of `apache-arrow` works, and this package never loads `apache-arrow` itself.
 *
 * @category Arrow
 */
export interface ArrowTable {
  readonly numRows: number;
  getChild(name: string): ArrowVector | null;
}

/**
 * The part of an Apache Arrow `Vector` (one column) that `customer-health/arrow` reads: its type and its chunks.
 *
 * @category Arrow
 */
export interface ArrowVector {
  readonly length: number;
  readonly type: ArrowType;
  readonly data: readonly ArrowData[];
}

/**
 * An Arrow data type, as `apache-arrow` describes it (`typeId` from its `Type` enum).
 *
 * @category Arrow
 */
export interface ArrowType {
  readonly typeId: number;
  /** Date: 0 for DAY (DATE32), 1 for MILLISECOND (DATE64). */
  readonly unit?: number;
  /** Decimal: digits after the point. */
  readonly scale?: number;
  /** Int and Decimal: bits per value. */
  readonly bitWidth?: number;
  readonly isSigned?: boolean;
}

/**
 * One chunk of an Arrow column: values (sliced to the chunk), the validity bitmap (starting at bit `offset`),
 * and for strings the value offsets, for dictionaries the dictionary.
 *
 * @category Arrow
 */
export interface ArrowData {
  readonly type: ArrowType;
  readonly offset: number;
  readonly length: number;
  readonly nullCount: number;
  readonly values: unknown;
  readonly nullBitmap?: Uint8Array | null;
  readonly valueOffsets?: unknown;
  readonly dictionary?: ArrowVector | null;
}

/**
 * Which Arrow column holds which field; the defaults are the snake_case names an export or a DuckDB query
 * usually has. A field whose column is absent from the table is absent (`subscription_id`, `end_date`,
 * `currency`, `segment` are optional; `customer_id`, `start_date` and `mrr` are required).
 *
 * @category Arrow
 */
export interface ArrowColumnNames {
  /** Default `'customer_id'`. */
  readonly customerId?: string;
  /** Default `'subscription_id'`. */
  readonly subscriptionId?: string;
  /** Default `'start_date'`. */
  readonly start?: string;
  /** Default `'end_date'`. */
  readonly end?: string;
  /** Default `'mrr'`. */
  readonly mrr?: string;
  /** Default `'currency'`. */
  readonly currency?: string;
  /** Default `'segment'`. */
  readonly segment?: string;
}
