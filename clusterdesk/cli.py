"""Headless sub-commands for admins, scripts, tests and benchmarks (DESIGN §1).

Exit codes: 0 success, 1 a refused input (one clear line per problem), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .paths import AppPaths

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A refused input; the message is printed as it is, without a traceback."""


def add_commands(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo-data", help="write a synthetic workspace of any size")
    demo.add_argument("out", type=Path, help="the new workspace file")
    demo.add_argument("--members", type=_positive_int, default=1000)
    demo.add_argument("--contacts-per-member", type=float, default=2.5)
    demo.add_argument("--interactions-per-member", type=float, default=10.0)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")
    demo.set_defaults(handler=cmd_demo_data)

    check = sub.add_parser("check", help="check a workspace's integrity and schema version")
    check.add_argument("file", type=Path, nargs="?", help="default: the --db workspace")
    check.set_defaults(handler=cmd_check)

    backup = sub.add_parser("backup", help="write a verified backup of a workspace")
    backup.add_argument("file", type=Path, nargs="?", help="default: the --db workspace")
    backup.add_argument("--to", type=Path, help="write the backup to this file instead")
    backup.set_defaults(handler=cmd_backup)

    backups = sub.add_parser("backups", help="list the backups of a workspace")
    backups.add_argument("file", type=Path, nargs="?", help="default: the --db workspace")
    backups.set_defaults(handler=cmd_list_backups)

    restore = sub.add_parser("restore", help="restore a workspace from one of its backups")
    restore.add_argument("file", type=Path, help="the workspace to restore")
    restore.add_argument("backup", type=Path, nargs="?", help="default: the newest good backup")
    restore.set_defaults(handler=cmd_restore)

    from .cli_imports import add_import_command

    add_import_command(sub)
    from .cli_records import add_record_commands

    add_record_commands(sub)


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _workspace_file(args: argparse.Namespace, paths: AppPaths) -> Path:
    if getattr(args, "file", None):
        return args.file
    if args.db:
        return Path(args.db)
    from .settings import load_preferences

    last = load_preferences(paths.settings_file).last_workspace
    if not last:
        raise CommandError("No workspace given: name a FILE or use --db.")
    return Path(last)


def cmd_demo_data(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .demo.synthetic import build_synthetic

    if args.out.exists():
        if not args.force:
            raise CommandError(f"{args.out} already exists (use --force to replace it).")
        args.out.unlink()
    started = time.perf_counter()
    stats = build_synthetic(args.out, members=args.members,
                            contacts_per_member=args.contacts_per_member,
                            interactions_per_member=args.interactions_per_member, seed=args.seed)
    out(f"Wrote {args.out}: {stats.members:,} members, {stats.contacts:,} contacts, "
        f"{stats.interactions:,} interactions in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def cmd_check(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupError, verify_database_file
    from .store.schema import HEAD
    from .store.workspace import check_revision, inspect_file

    path = _workspace_file(args, paths)
    info = inspect_file(path)
    try:
        verify_database_file(path)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    upgrade = check_revision(info.revision, path.name)
    state = f"schema {info.revision}" + (f" (will be upgraded to {HEAD} on open)" if upgrade else " (current)")
    out(f"OK: {path} — “{info.name}”, {state}, integrity and foreign keys checked.")
    return EXIT_OK


def cmd_backup(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore, copy_database, verify_database_file
    from .store.workspace import inspect_file

    path = _workspace_file(args, paths)
    inspect_file(path)
    if args.to:
        if args.to.exists():
            raise CommandError(f"{args.to} already exists; choose a new file name.")
        copy_database(path, args.to)
        verify_database_file(args.to)
        out(f"Backed up {path} to {args.to} (verified).")
        return EXIT_OK
    info = BackupStore(path, paths.backup_root).take("manual")
    out(f"Backed up {path} to {info.path} (verified).")
    return EXIT_OK


def cmd_list_backups(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore

    path = _workspace_file(args, paths)
    backups = BackupStore(path, paths.backup_root).list()
    if not backups:
        out(f"No backups of {path} yet.")
    for info in backups:
        out(f"{info.label:45} {info.size / 1e6:8.1f} MB  {info.path}")
    return EXIT_OK


def cmd_restore(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore, restore_into
    from .store.lock import WorkspaceLock

    store = BackupStore(args.file, paths.backup_root)
    backup = args.backup or (store.newest_good().path if store.newest_good() else None)
    if backup is None:
        raise CommandError(f"There is no good backup of {args.file}.")
    lock = WorkspaceLock(args.file)
    lock.acquire()
    try:
        if args.file.exists():
            try:
                store.take("before-restore")
            except Exception:  # noqa: BLE001 - a damaged file cannot be backed up; keep a copy
                import shutil

                keep = args.file.with_name(args.file.name + f".damaged-{time.strftime('%Y%m%d-%H%M%S')}")
                shutil.copy2(args.file, keep)
                out(f"Kept the damaged file as {keep}.")
                for suffix in ("-wal", "-shm"):
                    Path(str(args.file) + suffix).unlink(missing_ok=True)
                args.file.unlink()
        restore_into(backup, args.file)
    finally:
        lock.release()
    out(f"Restored {args.file} from {backup}.")
    return EXIT_OK


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run a sub-command; user mistakes become one line on stderr and exit code 1."""
    from .services.errors import ServiceError
    from .store.backup import BackupError
    from .store.lock import LockHeld
    from .store.migrate import MigrationError
    from .store.workspace import WorkspaceError

    def out(line: str) -> None:
        print(line, flush=True)

    try:
        return args.handler(args, paths, out)
    except (CommandError, WorkspaceError, LockHeld, BackupError, MigrationError,
            ServiceError) as exc:
        for line in str(exc).splitlines() or ["failed"]:
            print(f"clusterdesk: {line}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("clusterdesk: interrupted", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(f"clusterdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_REFUSED
