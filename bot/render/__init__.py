"""Answer/Digest -> what each platform displays. Pure functions; platform limits are handled here."""
