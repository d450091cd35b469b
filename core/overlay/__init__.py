"""Other partnerships as an overlay: a third-party list of pairs, imported for one browser session."""
