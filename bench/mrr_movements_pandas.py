"""Monthly MRR movements in pandas/NumPy: the Python peer of bench/mrrMovements.ts.

Same semantics as mrrMovements with its defaults (granularity 'month', paidToFree 'churn'): a customer's MRR in
a month is the sum of its periods active on the month's last day (start inclusive, end exclusive); each change
from the previous month is one movement (new, reactivation, expansion, contraction, churn). The months run from
the month of the first start through the month holding the latest start or end date. Amounts are whole cents
(int64), so sums are exact.

Usage: /usr/bin/python3 bench/mrr_movements_pandas.py data.csv [runs]
Prints JSON: median_ms (of `runs` runs, from a DataFrame of strings to the table), read_ms, peak_rss_mib, rows.
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def movements(frame: pd.DataFrame) -> pd.DataFrame:
    start = pd.to_datetime(frame["start"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    end = pd.to_datetime(frame["end"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    cents = np.rint(frame["mrr"].to_numpy(dtype=np.float64) * 100).astype(np.int64)
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
    table = pd.DataFrame({"start": boundaries[:-1].astype(str)})
    table["startingMrr"] = previous.sum(axis=0)
    table["startingCustomers"] = was_paying.sum(axis=0)
    for kind, mask in kinds.items():
        table[f"{kind}Mrr"] = np.where(mask, change, 0).sum(axis=0)
        table[f"{kind}Customers"] = mask.sum(axis=0)
    table["endingMrr"] = current.sum(axis=0)
    table["endingCustomers"] = is_paying.sum(axis=0)
    return table


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


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    started = time.perf_counter()
    frame = pd.read_csv(path, dtype={"customer_id": str, "subscription_id": str, "start": str, "end": str})
    read_ms = (time.perf_counter() - started) * 1000
    timings = []
    table = None
    for _ in range(runs):
        started = time.perf_counter()
        table = movements(frame)
        timings.append((time.perf_counter() - started) * 1000)
    rows = [
        [row["start"], *(format_(row[column]) for column, format_ in COLUMNS)]
        for row in table.to_dict("records")
    ]
    peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "median_ms": sorted(timings)[len(timings) // 2],
                "read_ms": read_ms,
                "peak_rss_mib": peak_rss_mib,
                "rows": rows,
            }
        )
    )


if __name__ == "__main__":
    main()
