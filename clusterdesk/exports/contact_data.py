"""Everything held about one person (an access request under the GDPR), as a JSON file that
any program can read and a person can open in a text editor."""

from __future__ import annotations

import json
import os
from pathlib import Path


def write_contact_data(path: Path, data: dict) -> Path:
    """Write the data as readable UTF-8 JSON, via a temporary file so a failed export never
    leaves half a file under the chosen name."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n",
                       encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
