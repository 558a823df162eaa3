"""The platform-neutral core: brief model, matcher, answers and digests. Imports no chat library."""
