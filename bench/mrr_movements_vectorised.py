"""Monthly MRR movement table, vectorised as a skilled analyst writes it in pandas/NumPy: the peer of issue 16.

Customers are factorised, each row is repeated over the month-end snapshots it covers, `np.add.at` adds its
integer cents into a dense customers x snapshots matrix, and the movements are classified column by column. The
result is the aggregate table only (no drill-down, no input validation). Dates are parsed before the clock
starts; money is parsed to integer cents inside it.

Same semantics as mrrMovements with its defaults (granularity 'month', paidToFree 'churn'): a customer's MRR in
a month is the sum of its rows active on the month's last day (start inclusive, end exclusive, empty end = still
active); months run from the month of the first start through the month holding the latest start or end.

Usage: /usr/bin/python3 bench/mrr_movements_vectorised.py data.csv [runs]
  prints JSON: median_ms and median_cpu_ms over `runs` runs (default 3), timings, read_ms, parse_ms, rows.
"""

import json
import sys
import time

import numpy as np
import pandas as pd


def month_index(days: np.ndarray) -> np.ndarray:
    """Months since 1970-01 of datetime64[D] values (NaT stays NaT-like: a huge negative int)."""
    return days.astype("datetime64[M]").astype(np.int64)


def movement_table(customer_id: pd.Series, start: np.ndarray, end: np.ndarray, mrr: pd.Series) -> pd.DataFrame:
    cents = np.rint(mrr.astype(np.float64).to_numpy() * 100).astype(np.int64)
    codes, customers = pd.factorize(customer_id)

    open_ended = np.isnat(end)
    start_month = month_index(start)
    end_month = month_index(end)
    first_month = start_month.min()
    last_month = max(start_month.max(), np.where(open_ended, start_month, end_month).max())
    months = int(last_month - first_month + 1)

    # Row r is active on the last day of months start_month[r] .. end_month[r] - 1 (all later ones if open).
    first = start_month - first_month
    stop = np.where(open_ended, months, end_month - first_month)
    covered = np.maximum(stop - first, 0)
    rows = np.repeat(np.arange(len(cents)), covered)
    offsets = np.arange(len(rows)) - np.repeat(np.cumsum(covered) - covered, covered)
    matrix = np.zeros((len(customers), months), dtype=np.int64)
    np.add.at(matrix, (codes[rows], first[rows] + offsets), cents[rows])

    previous = np.concatenate([np.zeros((len(customers), 1), dtype=np.int64), matrix[:, :-1]], axis=1)
    current = matrix
    was_paying = previous > 0
    is_paying = current > 0
    paid_before = np.maximum.accumulate(was_paying, axis=1)
    change = np.abs(current - previous)
    kinds = {
        "new": ~was_paying & is_paying & ~paid_before,
        "expansion": was_paying & is_paying & (current > previous),
        "contraction": was_paying & is_paying & (current < previous),
        "churn": was_paying & ~is_paying,
        "reactivation": ~was_paying & is_paying & paid_before,
    }
    table = pd.DataFrame(
        {"start": np.arange(first_month, last_month + 1).astype("datetime64[M]").astype("datetime64[D]").astype(str)}
    )
    table["startingMrr"] = previous.sum(axis=0)
    for kind, mask in kinds.items():
        table[f"{kind}Mrr"] = np.where(mask, change, 0).sum(axis=0)
    table["endingMrr"] = current.sum(axis=0)
    table["startingCustomers"] = was_paying.sum(axis=0)
    for kind, mask in kinds.items():
        table[f"{kind}Customers"] = mask.sum(axis=0)
    table["endingCustomers"] = is_paying.sum(axis=0)
    return table


def money(cents: int) -> str:
    whole, fraction = divmod(int(cents), 100)
    return str(whole) if fraction == 0 else f"{whole}.{fraction:02d}".rstrip("0")


MONEY = ["startingMrr", "newMrr", "expansionMrr", "contractionMrr", "churnMrr", "reactivationMrr", "endingMrr"]
COUNTS = [
    "startingCustomers",
    "newCustomers",
    "expansionCustomers",
    "contractionCustomers",
    "churnCustomers",
    "reactivationCustomers",
    "endingCustomers",
]


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    read_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    start = pd.to_datetime(frame["start"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    end = pd.to_datetime(frame["end"].replace("", None), format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    parse_ms = (time.perf_counter() - started) * 1000
    timings = []
    cpu = []
    table = None
    for _ in range(runs):
        table = None
        cpu_started = time.process_time()
        started = time.perf_counter()
        table = movement_table(frame["customer_id"], start, end, frame["mrr"])
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    rows = [
        [row["start"], *(money(row[column]) for column in MONEY), *(str(row[column]) for column in COUNTS)]
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
                "parse_ms": parse_ms,
                "rows": rows,
            }
        )
    )


if __name__ == "__main__":
    main()
