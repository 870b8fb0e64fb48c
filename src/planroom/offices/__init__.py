"""offices domain."""
