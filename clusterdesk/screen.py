"""Is there a screen Qt can use? Checked cheaply before Qt starts: when the display it would
use is not there, Qt aborts the whole process with a message about missing libraries."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from pathlib import Path

X11_SOCKETS = Path("/tmp/.X11-unix")
_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?$")
# Platforms that draw without a display server (tests, VNC, the framebuffer).
_NO_SERVER_NEEDED = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")


def _x_display_answers(display: str, sockets: Path) -> bool:
    match = _X_DISPLAY.match(display.strip())
    if match is None:
        return False
    host, number = match["host"], int(match["number"])
    if host in ("", "unix") or host.startswith("/"):
        path = sockets / f"X{number}"
        if path.exists():
            return True
        return _connects(socket.AF_UNIX, f"\0{path}")  # Linux's abstract socket namespace
    return _connects(socket.AF_INET, (host, 6000 + number))


def _connects(family: int, address) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(address)
        return True
    except OSError:
        return False


def _wayland_socket(env: Mapping[str, str]) -> Path | None:
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if name.startswith("/"):
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR")
    return Path(runtime) / name if runtime else None


def _wayland_answers(env: Mapping[str, str]) -> bool:
    path = _wayland_socket(env)
    return path is not None and path.exists()


def screen_problem(env: Mapping[str, str] | None = None, *, x11_sockets: Path = X11_SOCKETS) -> str | None:
    """Why the window cannot be shown here (one sentence), or None when a screen is there."""
    env = os.environ if env is None else env
    platform = (env.get("QT_QPA_PLATFORM") or "").split(":", 1)[0].strip().lower()
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if platform.startswith(_NO_SERVER_NEEDED):
        return None
    x_ok = bool(display) and _x_display_answers(display, x11_sockets)
    if platform == "xcb":
        if not display:
            return "QT_QPA_PLATFORM=xcb asks for an X screen, but DISPLAY is not set"
        return None if x_ok else f"no X server answers at DISPLAY={display}"
    if platform.startswith("wayland"):
        return None if _wayland_answers(env) else (
            f"no Wayland compositor answers at {_wayland_socket(env) or 'WAYLAND_DISPLAY'}")
    if platform:
        return None  # a platform we do not know how to check: let Qt try
    if not display and not wayland:
        return "no screen found (DISPLAY is not set)"
    if x_ok or (wayland and _wayland_answers(env)):
        return None
    parts = []
    if display:
        parts.append(f"no X server answers at DISPLAY={display}")
    if wayland:
        parts.append(f"no Wayland compositor answers at {_wayland_socket(env) or wayland}")
    return " and ".join(parts)
