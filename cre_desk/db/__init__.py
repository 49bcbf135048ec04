"""Persistence: SQLAlchemy models, engine setup, repositories and the ticket service."""
