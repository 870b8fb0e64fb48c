"""The report engine: the facts reports print, their wording in each language, plans and type."""
