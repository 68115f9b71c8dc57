"""`clusterdesk import members FILE [--mapping NAME] [--sheet NAME] [--dry-run]`: the same dry
run and import as the wizard, with the per-row report printed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .paths import AppPaths

REMARKS_SHOWN = 20  # a 5,000-row file can have a remark on every row


def add_import_command(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("import", help="import members and contacts from .xlsx or .csv")
    kinds = command.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    members = kinds.add_parser("members", help="members and their contact persons")
    members.add_argument("source", type=Path, metavar="FILE", help="an .xlsx or .csv file")
    members.add_argument("--mapping", metavar="NAME", help="a column mapping saved in the wizard")
    members.add_argument("--sheet", metavar="NAME",
                         help="the workbook sheet (default: the one that looks like a member list)")
    members.add_argument("--default-country", metavar="COUNTRY", default=None,
                         help="country of rows that name none (default: the mapping's, or DK)")
    members.add_argument("--dry-run", action="store_true",
                         help="check the file and report, import nothing")
    members.add_argument("--all-remarks", action="store_true",
                         help=f"list every remark (default: the first {REMARKS_SHOWN}, then a count per column)")
    members.set_defaults(handler=cmd_import_members)


def cmd_import_members(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .cli import EXIT_OK, EXIT_REFUSED, CommandError, open_for_command
    from .domain.countries import resolve_country
    from .imports.fields import suggest_mapping
    from .imports.report import report_lines
    from .imports.sources import SourceError, read_source
    from .services import imports as service
    from .services.context import ServiceContext

    try:
        source = read_source(args.source, args.sheet)
    except SourceError as exc:
        raise CommandError(str(exc)) from None
    workspace = open_for_command(args, paths, out, read_only=args.dry_run)
    try:
        ctx = ServiceContext(workspace, _actor(paths))
        country = "DK"
        if args.mapping:
            saved = service.get_mapping(ctx, args.mapping)
            mapping, country = saved.apply(source.columns), saved.default_country
        else:
            mapping = suggest_mapping([(c.group, c.header) for c in source.columns])
        if args.default_country:
            country = resolve_country(args.default_country)
            if country is None:
                raise CommandError(f"--default-country: “{args.default_country}” is not a country.")
        dry = service.dry_run(ctx, source, mapping, default_country=country,
                              mapping_name=args.mapping or "")
        limit = None if args.all_remarks else REMARKS_SHOWN
        for line in report_lines(dry.plan, dry.summary(), remark_limit=limit):
            out(line)
        if dry.plan.file_problem and len(source.sheets) > 1:
            others = ", ".join(f"“{name}”" for name in source.sheets if name != source.sheet)
            out(f"This is the sheet “{source.sheet}”; the workbook also has {others}. Choose the "
                "sheet with the member list with --sheet NAME.")
        if args.dry_run:
            out("Dry run: nothing was imported.")
            return EXIT_OK if dry.plan.clean else EXIT_REFUSED
        if not dry.plan.clean:
            out("Nothing was imported. Fix the rows above and run the import again.")
            return EXIT_REFUSED
        result, _changes = service.run_import(ctx, dry)
        backup = f" A verified backup was taken first: {result.backup}." if result.backup else ""
        out(f"Imported: {result.summary.text(past=True)}.{backup}")
        return EXIT_OK
    finally:
        workspace.close()


def _actor(paths: AppPaths) -> str:
    from .cli import settings_actor

    return settings_actor(paths) or "command line"
