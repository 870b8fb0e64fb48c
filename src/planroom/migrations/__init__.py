"""The schema's history: the list of every table (`tables`), the Alembic chain (`versions/`) and the
runner (`run`) that `planroom migrate` and every start call.

It sits above every domain package because it imports all of their tables; `db/` below them holds
only the declarative base and the engine, so a domain package never imports upward to reach it."""
