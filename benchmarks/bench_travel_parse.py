"""Parse throughput of the travel-document parsers (BCBP and MRZ) against anchors.

Method: the inputs are the public specimens the tests use: the five passes of
the IATA BCBP Implementation Guide (1 and 2 legs, versions 2-6, security data)
and the seven ICAO Doc 9303 MRZs (TD1, TD2, TD3, MRV-A, MRV-B, two long
numbers). Each side parses every input of its set in a loop for about
--seconds; parses per second = inputs parsed / elapsed (``time.perf_counter``).
Anchors, timed in the same run and interleaved with the parsers:

* **slicing**: a bare ``str`` loop over the same inputs that cuts out the
  mandatory fields (BCBP: name and each leg's ten fields; MRZ: the fields of
  every line) and does nothing else: the floor of any fixed-width parser;
* **GS1**: ``parse_element_string`` of the lane's GS1 parser over three element
  strings (GTIN + batch + expiry; GTIN + weight; GTIN + serial), the parser the
  lane already runs on every scan.

The script does --runs runs (default 3) and prints min / median of the runs'
parses/s per side and the ratio of the medians to each anchor. One thread,
garbage collector on. Usage: ``python benchmarks/bench_travel_parse.py
[--runs 3] [--seconds 0.5]`` (run it under ``nice -n 10`` on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "domain" / "travel"))

from travel_specimens import BCBP_SPECIMENS, MRZ_SPECIMENS

from kiosk.domain.gs1 import parse_element_string
from kiosk.domain.travel import parse_bcbp, parse_mrz

TODAY = date(2026, 12, 5)
MRZS = [list(lines) for lines in MRZ_SPECIMENS.values()]
GS1 = [
    "0109506000134352" + "10ABC123\x1d" + "17271231",
    "0109506000134352" + "3103000195",
    "0109506000134352" + "21SERIAL0042",
]
BCBP_CUTS = ((0, 7), (7, 10), (10, 13), (13, 16), (16, 21), (21, 24), (24, 25), (25, 29))
BCBP_CUTS += ((29, 34), (34, 35), (35, 37))


def slice_bcbp(data: str) -> list[str]:
    """The anchor: the name and every leg's mandatory fields, cut and stripped."""
    fields = [data[2:22].rstrip()]
    at = 23
    for _ in range(int(data[1])):
        fields.extend(data[at + start : at + end].rstrip() for start, end in BCBP_CUTS)
        at += 37 + int(data[at + 35 : at + 37], 16)
    return fields


MRZ_CUTS = ((0, 2), (2, 5), (5, 14), (14, 15), (15, 30), (0, 6), (6, 7), (7, 8), (8, 14))
MRZ_CUTS += ((14, 15), (15, 18), (18, 29), (29, 30), (0, 9), (9, 10), (10, 13), (13, 19))
MRZ_CUTS += ((19, 20), (20, 21), (21, 27), (27, 28), (28, 42), (42, 43), (43, 44))


def slice_mrz(lines: list[str]) -> list[str]:
    """The anchor: every line cut into fields at fixed columns, fillers stripped."""
    return [line[start:end].rstrip("<") for line in lines for start, end in MRZ_CUTS]


def rate(work: Callable[[], int], seconds: float) -> float:
    """Parses per second of ``work`` (which returns how many inputs it parsed)."""
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += work()
    return done / elapsed


def sides() -> dict[str, Callable[[], int]]:
    def bcbp() -> int:
        for data in BCBP_SPECIMENS:
            parse_bcbp(data, TODAY)
        return len(BCBP_SPECIMENS)

    def bcbp_slicing() -> int:
        for data in BCBP_SPECIMENS:
            slice_bcbp(data)
        return len(BCBP_SPECIMENS)

    def mrz() -> int:
        for lines in MRZS:
            parse_mrz(lines, TODAY)
        return len(MRZS)

    def mrz_slicing() -> int:
        for lines in MRZS:
            slice_mrz(lines)
        return len(MRZS)

    def gs1() -> int:
        for data in GS1:
            parse_element_string(data, TODAY)
        return len(GS1)

    return {
        "BCBP parse_bcbp": bcbp,
        "BCBP slicing anchor": bcbp_slicing,
        "MRZ parse_mrz": mrz,
        "MRZ slicing anchor": mrz_slicing,
        "GS1 parse_element_string anchor": gs1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=0.5)
    args = parser.parse_args()
    work = sides()
    for side in work.values():  # warm up: imports, regexes, caches
        side()
    results: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(args.runs):
        for name, side in work.items():
            results[name].append(rate(side, args.seconds))
    print(
        f"python {platform.python_version()}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}, {args.runs} runs of {args.seconds} s per side, interleaved"
    )
    medians = {name: statistics.median(values) for name, values in results.items()}
    for name, values in results.items():
        print(f"{name:34s} min {min(values):>10,.0f}  median {medians[name]:>10,.0f} parses/s")
    gs1 = medians["GS1 parse_element_string anchor"]
    for kind in ("BCBP", "MRZ"):
        own, sliced = medians[f"{kind} parse_{kind.lower()}"], medians[f"{kind} slicing anchor"]
        print(
            f"{kind}: {1e6 / own:.1f} us per parse; slicing anchor / parser x{sliced / own:.1f};"
            f" parser / GS1 anchor x{own / gs1:.2f}"
        )


if __name__ == "__main__":
    main()
