"""Persistence for subscriptions, deliveries and brief revisions (SQLAlchemy 2, async)."""
