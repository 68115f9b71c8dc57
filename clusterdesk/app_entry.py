"""Entry script for the PyInstaller bundle (absolute imports: it runs as a script)."""

import sys

from clusterdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
