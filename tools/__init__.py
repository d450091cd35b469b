"""Developer commands that are not part of the app (the lock files)."""
