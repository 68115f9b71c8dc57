"""Where ClusterDesk keeps its files: platformdirs locations, or one folder given with
--data-dir (or CLUSTERDESK_DATA_DIR), which tests and portable installs use."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import APP_NAME


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def backup_root(self) -> Path:
        return self.data_dir / "backups"

    @property
    def workspaces_dir(self) -> Path:
        return self.data_dir / "workspaces"

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / "demo"

    def ensure(self) -> AppPaths:
        for folder in (self.config_dir, self.data_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(data_dir: str | Path | None = None) -> AppPaths:
    override = data_dir or os.environ.get("CLUSTERDESK_DATA_DIR")
    if override:
        root = Path(override).expanduser().absolute()
        return AppPaths(config_dir=root / "config", data_dir=root)
    import platformdirs

    return AppPaths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
