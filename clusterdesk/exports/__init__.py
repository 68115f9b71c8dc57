"""Files out: PDF (ReportLab), Excel (openpyxl), calendars (icalendar). DTOs in, file out; no Qt."""
