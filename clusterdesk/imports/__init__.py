"""Import of members and contacts from Excel and CSV files as offices really have them:
readers, header and column detection, mapping, value parsing, per-row validation, the plan
of a dry run and its report. No Qt and no database here; `services.imports` runs it."""
