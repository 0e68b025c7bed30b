"""Load test runner: `.venv/bin/python -m tests.benchmarks.load [--replicas 2] [--users 20] [--seconds 60]`.

Not part of the test suite. Starts `--replicas` dashboard servers on one snapshot store (as replicas
behind a sticky proxy would be), points one headless locust run (`locustfile.py`: websocket
sessions of the article page, explorer filter changes) at each replica at the same time, with the
users split between them, and prints per replica: sessions per second, and the median and p95 of
each request type.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.run import REPO, spawn

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()
    subprocess.run([sys.executable, "-m", "dashboard.prebuilt"], cwd=REPO, check=True, capture_output=True)
    servers = [spawn("dashboard/app.py") for _ in range(arguments.replicas)]
    users = max(1, arguments.users // arguments.replicas)
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(users), "-r", "5"]
        runs = [
            subprocess.Popen(
                [*command, "-t", f"{arguments.seconds}s", "--host", url, "--csv", f"{scratch}/replica{n}"],
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for n, (_, url, _) in enumerate(servers)
        ]
        for run in runs:
            run.wait()
        for process, _, _ in servers:
            process.terminate()
            process.wait()
        print(f"{arguments.replicas} replicas, {users} users each, {arguments.seconds} s\n")
        print("| replica | request | count | failures | per second | median ms | p95 ms |")
        print("|---|---|---|---|---|---|---|")
        for n in range(arguments.replicas):
            with open(f"{scratch}/replica{n}_stats.csv", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    if row["Name"] == "Aggregated":
                        continue
                    print(
                        f"| {n + 1} | {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
                        f"{float(row['Requests/s']):.2f} | {row['50%']} | {row['95%']} |"
                    )


if __name__ == "__main__":
    main()
