"""Storage errors, apart from the database code, so the command line can name them without loading SQLAlchemy."""


class DatabaseError(RuntimeError):
    """The database URL or schema is unusable; the message says what to change (never the password)."""
