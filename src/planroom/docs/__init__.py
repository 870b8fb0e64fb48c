"""The developer documentation Planroom serves itself: the API reference at `/docs` (a vendored
Swagger UI reading the OpenAPI document) and the guides at `/docs/guides/...`. Every byte comes
from this package, so the docs work on a machine without internet."""
