"""PDF documents with ReportLab: one look for every printout (see base.py)."""
