"""Store errors that screens catch; importable without loading SQLAlchemy."""


class ReadOnlyWorkspace(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(f"This workspace is open read-only: {reason}. Nothing was saved.")
