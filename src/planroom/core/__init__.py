"""Cross-cutting pieces every domain uses: errors, clock, pagination."""
