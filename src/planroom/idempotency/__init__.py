"""`Idempotency-Key` on POST: the same key and body within 24 h replays the first response."""
