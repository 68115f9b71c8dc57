"""Headless sub-commands for admins, scripts, tests and benchmarks (DESIGN §1).

Exit codes: 0 success, 1 a refused input (one clear line per problem), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .paths import AppPaths

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

MAX_MEMBERS = 10_000_000
MAX_CONTACTS_PER_MEMBER = 100
MAX_INTERACTIONS_PER_MEMBER = 1_000


class CommandError(Exception):
    """A refused input; the message is printed as it is, without a traceback."""


def add_commands(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="create a new, empty workspace file")
    new.add_argument("out", help="the new workspace file (.clusterdesk)")
    new.add_argument("--name", help="the workspace's name (default: from the file name)")
    new.set_defaults(handler=cmd_new)

    demo = sub.add_parser("demo-data", help="write a synthetic workspace of any size")
    demo.add_argument("out", help="the new workspace file")
    demo.add_argument("--members", type=_count(MAX_MEMBERS), default=1000,
                      help=f"how many members (1 to {MAX_MEMBERS:,})")
    demo.add_argument("--contacts-per-member", type=_ratio(MAX_CONTACTS_PER_MEMBER), default=2.5,
                      help=f"contacts per member on average (0 to {MAX_CONTACTS_PER_MEMBER})")
    demo.add_argument("--interactions-per-member", type=_ratio(MAX_INTERACTIONS_PER_MEMBER),
                      default=10.0,
                      help=f"interactions per member on average (0 to {MAX_INTERACTIONS_PER_MEMBER:,})")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--force", action="store_true",
                      help="replace OUT if it is a workspace nobody has open")
    demo.set_defaults(handler=cmd_demo_data)

    check = sub.add_parser("check", help="check a workspace's integrity and schema version")
    check.add_argument("file", nargs="?", help="default: the --db workspace")
    check.set_defaults(handler=cmd_check)

    backup = sub.add_parser("backup", help="write a verified backup of a workspace")
    backup.add_argument("file", nargs="?", help="default: the --db workspace")
    backup.add_argument("--to", help="write the backup to this file instead")
    backup.set_defaults(handler=cmd_backup)

    backups = sub.add_parser("backups", help="list the backups of a workspace")
    backups.add_argument("file", nargs="?", help="default: the --db workspace")
    backups.set_defaults(handler=cmd_list_backups)

    restore = sub.add_parser("restore", help="restore a workspace from one of its backups")
    restore.add_argument("file", help="the workspace to restore")
    restore.add_argument("backup", nargs="?", help="default: the newest good backup")
    restore.add_argument("--force", action="store_true",
                         help="restore even a backup of another workspace")
    restore.set_defaults(handler=cmd_restore)

    from .cli_imports import add_import_command

    add_import_command(sub)
    from .cli_records import add_record_commands

    add_record_commands(sub)


def _count(most: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        plain = text.replace("_", "").replace(",", "")
        try:
            value = int(plain)
        except ValueError:
            try:
                number = float(plain)  # 1e6 is a whole number too
            except ValueError:
                number = math.nan
            if not math.isfinite(number) or not number.is_integer():
                raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
            value = int(number)
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(f"must be from 1 to {most:,} (got {value:,})")
        return value

    return parse


def _ratio(most: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not math.isfinite(value) or not 0 <= value <= most:
            raise argparse.ArgumentTypeError(f"must be a number from 0 to {most:,} (got {text})")
        return value

    return parse


# --- files the commands name -------------------------------------------------------------


def workspace_file(text: str, command: str) -> Path:
    """The workspace FILE a command works on; a server address is refused with the reason."""
    from .store.db import describe_server, is_server_url

    if is_server_url(text):
        raise CommandError(f"`{command}` works on workspace files, not on {describe_server(text)}: "
                           "a shared server is checked and backed up by its administrator.")
    return Path(text).expanduser()


def workspace_location(args: argparse.Namespace, paths: AppPaths) -> str | Path:
    """The workspace a command works on: its FILE, --db (a file or a server address) or the
    workspace opened last. A server address stays text; a file becomes a Path."""
    from .store.db import is_server_url

    text = getattr(args, "file", None) or args.db
    if not text:
        from .settings import load_preferences

        text = load_preferences(paths.settings_file).last_workspace
    if not text:
        raise CommandError("No workspace given: name a FILE or use --db.")
    return text if is_server_url(text) else Path(text).expanduser()


def _workspace_file(args: argparse.Namespace, paths: AppPaths) -> Path:
    """The workspace FILE of a command that only works on files (check, backup, …)."""
    command = getattr(args, "command", None) or "this command"
    return workspace_file(str(workspace_location(args, paths)), command)


def settings_actor(paths: AppPaths) -> str:
    """The user's ClusterDesk name from the settings ("" when there is none to read)."""
    from .settings import load_preferences

    try:
        return load_preferences(paths.settings_file).actor
    except Exception:  # noqa: BLE001 - unreadable settings are not a reason to refuse
        return ""


def _cli_person(paths: AppPaths) -> str:
    """Who the lock names while a command holds the workspace."""
    actor = settings_actor(paths)
    return f"{actor} (command line)" if actor else "the command line"


def open_for_command(args: argparse.Namespace, paths: AppPaths, out: Callable[[str], None], *,
                     read_only: bool):
    """Open the command's workspace: read-only with --read-only, or when the command only
    reads and the file's schema is current; an older file is upgraded first (with a backup)
    and the command says so."""
    from .store.schema import HEAD
    from .store.workspace import inspect_file, open_workspace

    location = workspace_location(args, paths)
    if args.read_only:
        read_only = True
    elif read_only and isinstance(location, Path):
        read_only = inspect_file(location).revision == HEAD
    workspace = open_workspace(location, backup_root=paths.backup_root, read_only=read_only,
                               break_lock=args.break_lock, person=_cli_person(paths))
    if workspace.upgraded_from is not None:
        backup = workspace.upgrade_backup
        out(f"Upgraded {workspace.path.name if workspace.path else workspace.name} from schema "
            f"{workspace.upgraded_from} to {HEAD}"
            + (f"; the backup taken first is {backup.path}." if backup else "."))
    return workspace


def output_file(text: str, *, suffix: str = "") -> Path:
    """A file a command is about to write: never a folder, always in a folder that exists and
    can be written; `suffix` is added when the name lacks it."""
    from .store.db import can_write

    if text.endswith(("/", os.sep)) or Path(text).expanduser().is_dir():
        raise CommandError(f"{text} is a folder; give the name of the file to write"
                           + (f" (for example {Path(text) / ('out' + suffix)})." if suffix else "."))
    path = Path(text).expanduser()
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
        if path.is_dir():
            raise CommandError(f"{path} is a folder; give the name of the file to write.")
    folder = path.parent
    if not folder.is_dir():
        raise CommandError(f"There is no folder {folder} to write {path.name} into.")
    if not can_write(folder):
        raise CommandError(f"The folder {folder} is read-only; {path.name} cannot be written there.")
    return path


# --- the commands ------------------------------------------------------------------------


def cmd_new(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.workspace import create_workspace

    target = output_file(args.out, suffix=".clusterdesk")
    if target.exists():
        raise CommandError(f"{target} already exists; choose another name.")
    name = (args.name or "").strip() or target.stem.replace("_", " ").replace("-", " ").strip()
    if not name:
        raise CommandError("--name: a workspace needs a name.")
    create_workspace(target, name, backup_root=paths.backup_root).close()
    out(f"Created {target}: the empty workspace “{name}”.")
    return EXIT_OK


def cmd_demo_data(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .demo.synthetic import build_synthetic

    target = output_file(args.out)
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists (use --force to replace it).")
    started = time.perf_counter()
    stats = build_synthetic(target, members=args.members,
                            contacts_per_member=args.contacts_per_member,
                            interactions_per_member=args.interactions_per_member, seed=args.seed,
                            replace=args.force, break_lock=args.break_lock)
    out(f"Wrote {target}: {stats.members:,} members, {stats.contacts:,} contacts, "
        f"{stats.interactions:,} interactions in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def cmd_check(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import THOROUGH_CHECK_LIMIT, database_problem
    from .store.schema import HEAD
    from .store.workspace import check_revision, inspect_file

    path = _workspace_file(args, paths)
    info = inspect_file(path, full_check=False)  # the integrity check below covers the rest
    upgrade = check_revision(info.revision, path.name)
    size = path.stat().st_size
    if size > THOROUGH_CHECK_LIMIT:
        out(f"Checking every page, index and reference of {path.name} ({size / 1e6:,.0f} MB); "
            "this takes a while…")
    problem, checked = database_problem(path, thorough=True)
    if problem is not None:
        raise CommandError(f"{path.name} {problem}. Restore it from a backup "
                           f"(clusterdesk backups {path} lists them).")
    state = f"schema {info.revision}" + (f" (will be upgraded to {HEAD} on open)" if upgrade else " (current)")
    out(f"OK: {path} — “{info.name}”, {state}, {checked}.")
    return EXIT_OK


def cmd_backup(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore, write_verified_copy
    from .store.workspace import inspect_file

    path = _workspace_file(args, paths)
    inspect_file(path)
    if args.to:
        target = output_file(args.to)
        if target.exists():
            raise CommandError(f"{target} already exists; choose a new file name.")
        checked = write_verified_copy(path, target, what=f"The backup of {path.name}")
        out(f"Backed up {path} to {target} (verified: {checked}).")
        return EXIT_OK
    info = BackupStore(path, paths.backup_root).take("manual")
    out(f"Backed up {path} to {info.path} (verified: {info.checked}).")
    return EXIT_OK


def cmd_list_backups(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore
    from .store.workspace import DamagedWorkspace, inspect_file

    path = _workspace_file(args, paths)
    backups = BackupStore(path, paths.backup_root).list()
    if path.exists() or not backups:
        # The backups of a damaged workspace are just what its owner needs.
        with contextlib.suppress(DamagedWorkspace):
            inspect_file(path, full_check=False)
    if not path.exists():
        out(f"{path} does not exist (any more); these are its backups:")
    elif not backups:
        out(f"No backups of {path} yet.")
    for info in backups:
        out(f"{info.label:45} {info.size / 1e6:8.1f} MB  {info.path}")
    return EXIT_OK


def cmd_restore(args, paths: AppPaths, out: Callable[[str], None]) -> int:
    from .store.backup import BackupStore, restore_workspace_file
    from .store.lock import WorkspaceLock

    path = workspace_file(args.file, "restore")
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a ClusterDesk workspace.")
    store = BackupStore(path, paths.backup_root)
    if args.backup:
        backup = Path(args.backup).expanduser()
    else:
        newest = store.newest_good()
        if newest is None:
            raise CommandError(f"There is no good backup of {path}.")
        backup = newest.path
    lock = WorkspaceLock(path)
    lock.acquire(break_lock=args.break_lock)
    try:
        outcome = restore_workspace_file(path, backup, store, allow_foreign=args.force)
    finally:
        lock.release()
    if outcome.kept_damaged is not None:
        out(f"Kept the damaged file as {outcome.kept_damaged}.")
    if outcome.safety_backup is not None:
        out(f"What {path.name} held before is backed up at {outcome.safety_backup.path}.")
    out(f"Restored {path} from {backup}.")
    return EXIT_OK


# --- running a command -------------------------------------------------------------------


def _refusal_lines(exc: BaseException) -> list[str]:
    from .store.backup import ForeignBackup
    from .store.lock import LockHeld

    lines = str(exc).splitlines() or ["failed"]
    if isinstance(exc, LockHeld) and exc.breakable:
        lines.append("To break it, run the command again with --break-lock before the command "
                     "name (clusterdesk --break-lock …).")
    if isinstance(exc, ForeignBackup):
        lines.append("Add --force to restore it anyway.")
    return lines


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run a sub-command; user mistakes become one line on stderr and exit code 1."""
    from .services.errors import ServiceError
    from .store.errors import StoreError

    stdout_closed = False

    def out(line: str) -> None:
        nonlocal stdout_closed
        if stdout_closed:
            return
        try:
            print(line, flush=True)
        except BrokenPipeError:
            # The reader went away (`| head`): the command still finishes what it was asked
            # to do; its remaining output has nowhere to go.
            stdout_closed = True
            _silence_stdout()

    try:
        return args.handler(args, paths, out)
    except (CommandError, StoreError, ServiceError) as exc:
        for line in _refusal_lines(exc):
            print(f"clusterdesk: {line}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("clusterdesk: interrupted", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"clusterdesk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_REFUSED


def _silence_stdout() -> None:
    """Point stdout at nothing, so the interpreter's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
