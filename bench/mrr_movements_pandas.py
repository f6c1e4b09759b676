"""Monthly MRR movements in pandas/NumPy: the Python peer of bench/mrrMovements.ts.

Same semantics as mrrMovements with its defaults (granularity 'month', paidToFree 'churn'): a customer's MRR in
a month is the sum of its periods active on the month's last day (start inclusive, end exclusive); each change
from the previous month is one movement (new, reactivation, expansion, contraction, churn). The months run from
the month of the first start through the month holding the latest start or end date. Amounts are whole cents
(int64), so sums are exact.

Same work as mrrMovements, timed from the DataFrame read_csv returns (string columns, mrr as float) to both
results: the input is validated as mrrMovements validates it (customer_id present, dates parse, mrr finite and
>= 0, end >= start, no two rows of one subscription_id overlap), then the period table and the customer-level
movement frame (one row per customer movement, ordered by month, then customer_id) are built.

Usage: /usr/bin/python3 bench/mrr_movements_pandas.py data.csv [runs]
  prints JSON: median_ms and median_cpu_ms over `runs` runs, timings, read_ms, rows, movements, movement_digest.
/usr/bin/python3 bench/mrr_movements_pandas.py data.csv --load | --once
  for memory measurements: read the CSV only, or read it and compute once; prints the max RSS.
"""

import hashlib
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

def validate(frame: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> None:
    if frame["customer_id"].isna().any() or (frame["customer_id"].str.len() == 0).any():
        raise ValueError("customer_id missing")
    mrr = frame["mrr"].to_numpy(dtype=np.float64)
    if not np.isfinite(mrr).all() or (mrr < 0).any():
        raise ValueError("mrr must be finite and >= 0")
    open_ended = np.isnat(end)
    if (~open_ended & (end < start)).any():
        raise ValueError("end before start")
    subscription = frame["subscription_id"]
    has_subscription = subscription.notna().to_numpy()
    codes = pd.factorize(subscription)[0]
    order = np.lexsort((start, codes))
    order = order[has_subscription[order]]
    same = codes[order][1:] == codes[order][:-1]
    previous_end = end[order][:-1]
    overlaps = same & (np.isnat(previous_end) | (previous_end > start[order][1:]))
    if overlaps.any():
        raise ValueError("overlapping periods of one subscription")


def movements(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    start = pd.to_datetime(frame["start"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    end = pd.to_datetime(frame["end"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    cents = np.rint(frame["mrr"].to_numpy(dtype=np.float64) * 100).astype(np.int64)
    validate(frame, start, end)
    customer_codes, customers = pd.factorize(frame["customer_id"], sort=True)

    open_ended = np.isnat(end)
    latest = np.where(open_ended, start, end)
    first_month = start.min().astype("datetime64[M]")
    last_month = max(start.max(), latest.max()).astype("datetime64[M]")
    # boundaries[s] is the first day of month s; snapshot s (s >= 1) is the day before boundaries[s].
    boundaries = np.arange(first_month, last_month + 2).astype("datetime64[D]")
    snapshots = len(boundaries)

    first = np.searchsorted(boundaries, start, side="right")
    last = np.where(open_ended, snapshots - 1, np.searchsorted(boundaries, end, side="right") - 1)
    active = first <= last

    width = snapshots + 1
    delta = np.zeros(len(customers) * width, dtype=np.int64)
    np.add.at(delta, customer_codes[active] * width + first[active], cents[active])
    np.add.at(delta, customer_codes[active] * width + last[active] + 1, -cents[active])
    mrr = np.cumsum(delta.reshape(len(customers), width), axis=1)[:, :snapshots]

    previous = mrr[:, :-1]
    current = mrr[:, 1:]
    paid_before = np.maximum.accumulate(previous > 0, axis=1)
    was_paying = previous > 0
    is_paying = current > 0
    kinds = {
        "new": ~was_paying & is_paying & ~paid_before,
        "reactivation": ~was_paying & is_paying & paid_before,
        "expansion": was_paying & is_paying & (current > previous),
        "contraction": was_paying & is_paying & (current < previous),
        "churn": was_paying & ~is_paying,
    }
    change = np.abs(current - previous)
    month_starts = boundaries[:-1].astype(str)
    table = pd.DataFrame({"start": month_starts})
    table["startingMrr"] = previous.sum(axis=0)
    table["startingCustomers"] = was_paying.sum(axis=0)
    kind_code = np.zeros(previous.shape, dtype=np.int8)
    for code, (kind, mask) in enumerate(kinds.items(), start=1):
        table[f"{kind}Mrr"] = np.where(mask, change, 0).sum(axis=0)
        table[f"{kind}Customers"] = mask.sum(axis=0)
        kind_code[mask] = code
    table["endingMrr"] = current.sum(axis=0)
    table["endingCustomers"] = is_paying.sum(axis=0)

    # Transposed, so nonzero walks month by month and, within a month, customers in sorted order.
    month, customer = np.nonzero(kind_code.T)
    code = kind_code[customer, month]
    names = np.array(["", "new", "reactivation", "expansion", "contraction", "churn"], dtype=object)
    drill_down = pd.DataFrame(
        {
            "period_start": month_starts[month],
            "customer_id": customers.to_numpy()[customer],
            "type": names[code],
            "previous_cents": previous[customer, month],
            "current_cents": current[customer, month],
            "amount_cents": change[customer, month],
        }
    )
    return table, drill_down


def money(cents: int) -> str:
    whole, fraction = divmod(int(cents), 100)
    return str(whole) if fraction == 0 else f"{whole}.{fraction:02d}".rstrip("0")


COLUMNS = [
    ("startingMrr", money),
    ("newMrr", money),
    ("expansionMrr", money),
    ("contractionMrr", money),
    ("churnMrr", money),
    ("reactivationMrr", money),
    ("endingMrr", money),
    ("startingCustomers", str),
    ("newCustomers", str),
    ("expansionCustomers", str),
    ("contractionCustomers", str),
    ("churnCustomers", str),
    ("reactivationCustomers", str),
    ("endingCustomers", str),
]


def read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"customer_id": str, "subscription_id": str, "start": str, "end": str})


def digest(drill_down: pd.DataFrame) -> str:
    hash_ = hashlib.sha256()
    for row in drill_down.itertuples(index=False):
        line = (
            f"{row.period_start},{row.customer_id},{row.type},{money(row.previous_cents)},"
            f"{money(row.current_cents)},{money(row.amount_cents)}\n"
        )
        hash_.update(line.encode())
    return hash_.hexdigest()


def main() -> None:
    path = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] in ("--load", "--once"):
        frame = read(path)
        result = movements(frame) if sys.argv[2] == "--once" else None
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        count = 0 if result is None else len(result[1])
        print(f"{sys.argv[2][2:]}: {len(frame)} rows, max RSS {rss:.0f} MiB, {count} customer movements")
        return
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    started = time.perf_counter()
    frame = read(path)
    read_ms = (time.perf_counter() - started) * 1000
    timings = []
    cpu = []
    table = drill_down = None
    for _ in range(runs):
        table = drill_down = None
        cpu_started = time.process_time()
        started = time.perf_counter()
        table, drill_down = movements(frame)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    rows = [
        [row["start"], *(format_(row[column]) for column, format_ in COLUMNS)]
        for row in table.to_dict("records")
    ]
    print(
        json.dumps(
            {
                "median_ms": sorted(timings)[len(timings) // 2],
                "timings_ms": timings,
                "median_cpu_ms": sorted(cpu)[len(cpu) // 2],
                "cpu_ms": cpu,
                "read_ms": read_ms,
                "rows": rows,
                "movements": len(drill_down),
                "movement_digest": digest(drill_down),
            }
        )
    )


if __name__ == "__main__":
    main()
