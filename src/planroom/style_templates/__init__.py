"""Style templates: the four built-ins and each company's own."""
