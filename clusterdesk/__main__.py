"""Composition root: arguments → paths → (sub-command | workspace → window)."""

from __future__ import annotations

import argparse
import sys

from . import __version__

_VALUE_OPTIONS = ("--db", "--data-dir")


def needs_commands(argv: list[str]) -> bool:
    """True when the command line names a sub-command (or asks for help). A plain start of
    the window skips building the sub-command parsers, which costs start-up time."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in ("-h", "--help"):
            return True
        if token in _VALUE_OPTIONS:
            skip = True
            continue
        if not token.startswith("-"):
            return True
    return False


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusterdesk",
        description="ClusterDesk — the international work of a cluster secretariat.",
    )
    parser.add_argument("--version", action="version", version=f"ClusterDesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", type=_location,
                        help="a .clusterdesk file, or postgresql+psycopg://… for a shared server")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh copy of the demo workspace (your files are not touched)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep settings, backups and demo files in DIR (portable use, tests)")
    parser.add_argument("--read-only", action="store_true", help="open the workspace read-only")
    parser.add_argument("--break-lock", action="store_true",
                        help="take over a workspace left locked by another computer that is "
                             "no longer using it")
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    if with_commands:
        from .cli import add_commands

        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        add_commands(sub)
    else:
        parser.set_defaults(command=None)
    return parser


def _location(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: give a workspace file or a server address")
    return text


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(needs_commands(argv)).parse_args(argv)
    from .paths import app_paths

    paths = app_paths(args.data_dir)
    try:
        paths.ensure()
    except OSError as exc:
        print(f"clusterdesk: the data folder {paths.data_dir} cannot be used "
              f"({exc.strerror or exc}): give --data-dir a folder you can write to.",
              file=sys.stderr)
        return 2
    if args.command:
        from .cli import run

        return run(args, paths)
    problem = _screen_problem()
    if problem is not None:
        print(f"clusterdesk: {problem}. Start it in a desktop session, or on a virtual screen: "
              "xvfb-run -a clusterdesk" + (" --demo" if args.demo else ""), file=sys.stderr)
        return 2
    from .ui.app import run_gui

    return run_gui(args, paths)


def _screen_problem() -> str | None:
    if not sys.platform.startswith("linux"):
        return None
    from .screen import screen_problem

    return screen_problem()


if __name__ == "__main__":
    sys.exit(main())
