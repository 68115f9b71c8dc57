"""Composition root: arguments → paths → (sub-command | workspace → window)."""

from __future__ import annotations

import argparse
import sys

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    from .cli import add_commands

    parser = argparse.ArgumentParser(
        prog="clusterdesk",
        description="ClusterDesk — the international work of a cluster secretariat.",
    )
    parser.add_argument("--version", action="version", version=f"ClusterDesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="a .clusterdesk file, or postgresql+psycopg://… for a shared server")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh copy of the demo workspace (your files are not touched)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep settings, backups and demo files in DIR (portable use, tests)")
    parser.add_argument("--read-only", action="store_true", help="open the workspace read-only")
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .paths import app_paths

    paths = app_paths(args.data_dir).ensure()
    if args.command:
        from .cli import run

        return run(args, paths)
    if not _has_screen():
        print("clusterdesk: no screen found (DISPLAY is not set). Start it in a desktop session, "
              "or on a virtual screen: xvfb-run -a clusterdesk" + (" --demo" if args.demo else ""),
              file=sys.stderr)
        return 2
    from .ui.app import run_gui

    return run_gui(args, paths)


def _has_screen() -> bool:
    import os

    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


if __name__ == "__main__":
    sys.exit(main())
