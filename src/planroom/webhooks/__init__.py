"""Webhooks: registration, signed deliveries with retries, the address guard and the log."""
