"""Alembic migrations of the store (`analysis.data.store`); run on start-up and by `python -m analysis db upgrade`."""
