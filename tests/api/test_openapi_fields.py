"""Every field of every schema in the OpenAPI document says what it is and shows a value."""

from __future__ import annotations

from typing import Any

import jsonschema
from fastapi.testclient import TestClient

from planroom.api.field_docs import CATALOGUE

PREFIX = "/api/integrate/v3"


def _schemas(client: TestClient) -> dict[str, Any]:
    schemas: dict[str, Any] = client.get(f"{PREFIX}/openapi.json").json()["components"]["schemas"]
    return schemas


def test_every_property_has_a_description_and_an_example(client: TestClient) -> None:
    missing = []
    for name, schema in _schemas(client).items():
        for field, prop in schema.get("properties", {}).items():
            if not str(prop.get("description", "")).strip():
                missing.append(f"{name}.{field}: description")
            if not prop.get("examples"):
                missing.append(f"{name}.{field}: example")
    assert not missing, "\n".join(missing)


def test_every_example_fits_its_own_schema(client: TestClient) -> None:
    schemas = _schemas(client)
    wrong = []
    for name, schema in schemas.items():
        for field, prop in schema.get("properties", {}).items():
            for example in prop.get("examples", []):
                checked = {**prop, "components": {"schemas": schemas}}
                checked.pop("examples")
                validator = jsonschema.Draft202012Validator(
                    checked, format_checker=jsonschema.FormatChecker()
                )
                for error in validator.iter_errors(example):
                    wrong.append(f"{name}.{field}: {error.message}")
    assert not wrong, "\n".join(wrong)


def test_no_catalogue_entry_names_a_field_that_does_not_exist(client: TestClient) -> None:
    schemas = _schemas(client)
    fields = {(name, f) for name, schema in schemas.items() for f in schema.get("properties", {})}
    stale = [
        key
        for key in CATALOGUE
        if (tuple(key.split(".", 1)) not in fields)
        and not (key.startswith("*.") and any(f == key[2:] for _, f in fields))
    ]
    assert not stale, stale


def test_nested_objects_get_an_example_made_of_their_fields(client: TestClient) -> None:
    schemas = _schemas(client)
    address = schemas["OrderOut"]["properties"]["address"]["examples"][0]
    assert address["postalCode"] == "55411"
    assert address["full_address"].startswith("121 North Washington Avenue")
    page = schemas["Page_OrderRow_"]["properties"]["items"]["examples"][0]
    assert page[0]["info"]["status"] == "Ready"


def test_every_parameter_has_a_description_and_an_example(client: TestClient) -> None:
    document = client.get(f"{PREFIX}/openapi.json").json()
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                example = parameter.get("example", parameter["schema"].get("examples"))
                if not parameter.get("description") or example is None:
                    missing.append(f"{method} {path} {parameter['name']}")
                elif "example" in parameter:
                    checked = {**parameter["schema"], "components": document["components"]}
                    jsonschema.validate(parameter["example"], checked)
    assert not missing, missing
