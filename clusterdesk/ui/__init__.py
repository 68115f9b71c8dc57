"""The Qt user interface. Widgets call services; they never touch the database."""
