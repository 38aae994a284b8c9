"""SQLAlchemy models, unit of work, migrations and backups."""
