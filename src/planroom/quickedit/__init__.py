"""Quick Edit: customers and drafters fix a delivered plan in the browser; every file follows."""
