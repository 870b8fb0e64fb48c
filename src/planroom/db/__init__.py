"""Database: engine, sessions, column types and the migration chain."""
