"""Change requests: a customer asks for a delivered order's floor plan to be corrected."""
