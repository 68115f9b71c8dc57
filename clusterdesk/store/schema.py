"""The schema revisions this version of ClusterDesk knows, oldest first.

Kept as a constant so that opening an up-to-date workspace never has to load Alembic;
tests check it against the migration scripts.
"""

REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_members_crm",
    "0003_campaigns",
    "0004_missions",
    "0005_imports",
    "0006_finance",
    "0007_strategy",
    "0008_evaluations",
    "0009_search",
)
HEAD = REVISIONS[-1]
