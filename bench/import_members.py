"""Import of 10,000 member rows, with validation and the duplicate check, against plain reading.

A workspace with existing members (from `demo-data`) gets a generated .xlsx and .csv of
ROWS rows: one row per contact person (so several rows per member), some organisations
already in the workspace (same CVR, or the same name with another legal form), a few typos,
title rows above the header. Timed, each the median of --rounds:
  read      plain reading of the same file (openpyxl read-only / csv.reader): the baseline
  dry run   read + find the header + map + validate every row + group + duplicate check
  import    the import itself after the dry run (backup, one transaction)
Prints the times, the ratios against reading, and the whole wait (dry run + import). Target
(DESIGN §5): 10,000 rows imported with validation and the duplicate check in under 10 s.

Usage: python bench/import_members.py [--rows 10000] [--members 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = ["Firma", "CVR", "Adresse", "Postnr", "By", "Land", "Kontaktperson", "Stilling", "E-mail",
          "Telefon", "Medlem siden", "Branche", "Markeder"]
TOWNS = [("Aarhus", "8000"), ("Odense", "5000"), ("Aalborg", "9000"), ("Esbjerg", "6700"),
         ("Vejle", "7100"), ("Høje Taastrup", "2630"), ("Kolding", "6000"), ("Roskilde", "4000")]


def existing_members(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("select name, vat_number from members").fetchall()
    finally:
        conn.close()


def generate_rows(count: int, existing: list[tuple[str, str]], seed: int = 7) -> list[list]:
    rng = random.Random(seed)
    rows: list[list] = []
    org = 0
    while len(rows) < count:
        org += 1
        kind = rng.random()
        if kind < 0.15 and existing:  # already a member: same CVR
            name, vat = rng.choice(existing)
        elif kind < 0.20 and existing:  # already a member, written another way, no CVR
            name, vat = rng.choice(existing)[0].replace(" ApS", " A/S"), ""
        else:
            name, vat = f"Nordisk Vand {org:05d} ApS", f"{40_000_000 + org}"
        town, postcode = rng.choice(TOWNS)
        domain = f"firma{org}.dk"
        for person in range(rng.choice((1, 1, 2, 3))):
            first = rng.choice(("Jens", "Åse", "Søren", "Mette", "Jürgen", "Anne"))
            rows.append([name if rng.random() > 0.02 else name.replace("a", "aa", 1), vat,
                         f"Havnegade {org % 90 + 1}", postcode, town,
                         rng.choice(("Danmark", "DK", "Denmark")), f"{first} Person{org}-{person}",
                         rng.choice(("CEO", "Salgschef", "")), f"{first.lower()}{person}@{domain}",
                         rng.choice((f"+45 2{org % 10_000_000:07d}", f"2{org % 10_000_000:07d}")),
                         f"{1 + org % 28:02d}-{1 + org % 12:02d}-20{10 + org % 15}",
                         rng.choice(("Wastewater", "Drinking water; Digital water", "")),
                         rng.choice(("Tyskland, Sverige", "UK", ""))])
            if len(rows) == count:
                break
    return rows


def write_files(folder: Path, rows: list[list]) -> tuple[Path, Path]:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Medlemmer")
    sheet.append(["Medlemsliste – benchmark"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    xlsx = folder / "members.xlsx"
    workbook.save(xlsx)
    text = folder / "members.csv"
    with open(text, "w", encoding="cp1252", errors="replace", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Medlemsliste – benchmark"])
        writer.writerow(HEADER)
        writer.writerows(rows)
    return xlsx, text


def plain_read(path: Path) -> int:
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return count
    with open(path, encoding="cp1252", newline="") as fh:
        return sum(1 for _ in csv.reader(fh, delimiter=";"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from clusterdesk.demo.synthetic import build_synthetic
    from clusterdesk.imports.fields import suggest_mapping
    from clusterdesk.imports.sources import read_source
    from clusterdesk.services import imports as service
    from clusterdesk.services.context import ServiceContext
    from clusterdesk.store.workspace import open_workspace

    folder = Path(tempfile.mkdtemp(prefix="clusterdesk-bench-import-"))
    try:
        seed = folder / "seed.clusterdesk"
        build_synthetic(seed, members=args.members, interactions_per_member=2.0)
        rows = generate_rows(args.rows, existing_members(seed))
        files = write_files(folder, rows)
        print(f"{args.rows:,} rows against a workspace of {args.members:,} members "
              f"({args.rounds} rounds, medians)")
        for path in files:
            reads, dries, imports = [], [], []
            summary = None
            for round_number in range(args.rounds):
                started = time.perf_counter()
                plain_read(path)
                reads.append(time.perf_counter() - started)

                target = folder / f"round{round_number}-{path.suffix[1:]}.clusterdesk"
                shutil.copy(seed, target)
                workspace = open_workspace(target, backup_root=folder / "backups")
                ctx = ServiceContext(workspace, "Bench")
                started = time.perf_counter()
                source = read_source(path)
                mapping = suggest_mapping([(c.group, c.header) for c in source.columns])
                dry = service.dry_run(ctx, source, mapping)
                dries.append(time.perf_counter() - started)
                assert dry.plan.clean, dry.plan.problems[:3]
                started = time.perf_counter()
                result, _changes = service.run_import(ctx, dry)
                imports.append(time.perf_counter() - started)
                summary = result.summary
                workspace.close()
            read, dry_time, import_time = (statistics.median(x) for x in (reads, dries, imports))
            print(f"\n{path.name}: {summary.text(past=True)}; "
                  f"{len(dry.plan.duplicates):,} duplicates found")
            print(f"  read (baseline)   {read:7.2f} s")
            total = dry_time + import_time
            print(f"  dry run           {dry_time:7.2f} s   ratio {dry_time / read:5.1f} × read")
            print(f"  import            {import_time:7.2f} s   ratio {import_time / read:5.1f} × read")
            print(f"  both (the user's wait) {total:7.2f} s   "
                  f"{'OK' if total < 10 else 'OVER'} (target < 10 s)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
