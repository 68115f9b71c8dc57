"""The import wizard, the import history, and the widgets they share with the duplicates view."""
