"""A description and an example on every field of the OpenAPI document's schemas.

The integrator-facing text of each field lives in `planroom.api.field_text` (orders) and
`planroom.api.field_text_company` (company, users, webhooks, styles), keyed `Schema.field`, or
`*.field` for a field that means the same wherever it appears. A model's own `Field(description=,
examples=)` wins over the catalogue. A catalogue entry that is only a description gets its example
composed from the examples of the schema it refers to (an order's `address` example is the
`OrderAddress` fields' examples), so nested objects never repeat their text.

Only annotations are added (and the properties' `title`, the field name again, dropped): the
wire shapes stay exactly what the models say.
"""

from __future__ import annotations

from typing import Any

from planroom.api.field_text import ORDER_FIELDS
from planroom.api.field_text_company import COMPANY_FIELDS, PARAMETERS

FieldDoc = str | tuple[str, Any]
CATALOGUE: dict[str, FieldDoc] = {**ORDER_FIELDS, **COMPANY_FIELDS}
REF_PREFIX = "#/components/schemas/"


class _Missing:
    """No example can be given (a cycle, or a schema with nothing to say)."""


MISSING = _Missing()


def lookup(schema_name: str, field: str) -> FieldDoc | None:
    return CATALOGUE.get(f"{schema_name}.{field}") or CATALOGUE.get(f"*.{field}")


def document_fields(schemas: dict[str, Any]) -> None:
    """Fill in `description` and `examples` on every property of every component schema."""
    for name, schema in schemas.items():
        for field, prop in schema.get("properties", {}).items():
            # pydantic's `title` is the field name again; generators name inline models after
            # it (`OrderInfo.order_preferences` would clash with the `OrderPreferences` model)
            prop.pop("title", None)
            doc = lookup(name, field)
            if doc is None:
                continue
            description, example = (doc, MISSING) if isinstance(doc, str) else doc
            prop.setdefault("description", description)
            if "examples" not in prop and example is not MISSING:
                prop["examples"] = [example]
    for schema in schemas.values():
        for prop in schema.get("properties", {}).values():
            if "examples" not in prop:
                example = example_of(prop, schemas, ())
                if example is not MISSING:
                    prop["examples"] = [example]


def document_parameters(paths: dict[str, Any]) -> None:
    """A description and an example on every path, query and header parameter we name."""
    for operations in paths.values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                known = PARAMETERS.get(parameter["name"])
                schema = parameter.get("schema", {})
                schema.pop("title", None)
                if known is None:
                    continue
                parameter.setdefault("description", known[0])
                if "example" not in parameter and not schema.get("examples"):
                    parameter["example"] = known[1]


def example_of(schema: dict[str, Any], schemas: dict[str, Any], seen: tuple[str, ...]) -> Any:
    """An example of `schema`: its own, else one made from its parts' examples."""
    if schema.get("examples"):
        return schema["examples"][0]
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        if name in seen or name not in schemas:
            return MISSING
        return example_of(schemas[name], schemas, (*seen, name))
    for key in ("anyOf", "oneOf"):
        branches = [b for b in schema.get(key, []) if b.get("type") != "null"]
        if branches:
            return example_of(branches[0], schemas, seen)
    if schema.get("type") == "array" and "items" in schema:
        item = example_of(schema["items"], schemas, seen)
        return MISSING if item is MISSING else [item]
    if "properties" in schema:
        parts = {
            field: example_of(prop, schemas, seen) for field, prop in schema["properties"].items()
        }
        return {field: value for field, value in parts.items() if value is not MISSING}
    if "default" in schema:
        return schema["default"]
    return MISSING
