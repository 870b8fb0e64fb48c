"""The `planroom company | apikey | operator | mail` commands and the helpers every command
shares. Like `planroom.cli`, it imports what a command needs inside the command."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    from planroom.runtime import Runtime

ResultT = TypeVar("ResultT")
# plain click help and errors: rich's help formatting alone takes a second to import
OPTIONS: dict[str, Any] = {"no_args_is_help": True, "rich_markup_mode": None}
company_app = typer.Typer(help="Companies.", **OPTIONS)
apikey_app = typer.Typer(help="A company's API keys.", **OPTIONS)
mail_app = typer.Typer(help="The mail outbox.", **OPTIONS)
operator_app = typer.Typer(help="Operators (drafters) of the production API.", **OPTIONS)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def open_runtime(migrate: bool = True) -> Runtime:
    from planroom.migrations.run import upgrade
    from planroom.runtime import Runtime
    from planroom.settings import Settings

    runtime = Runtime.from_settings(Settings())
    if migrate:
        upgrade(runtime.engine)
    return runtime


def _in_unit_of_work(work: Callable[[Any], ResultT]) -> ResultT:
    """Run `work(session)` in one committed unit of work of a migrated database."""
    from planroom.db.engine import unit_of_work

    runtime = open_runtime()
    try:
        with unit_of_work(runtime.session_factory) as session:
            return work(session)
    finally:
        runtime.close()


def _when(value: Any) -> str:
    return value.isoformat(timespec="seconds") if value is not None else ""


def _print_rows(headers: Sequence[str], rows: list[dict[str, Any]], as_json: bool) -> None:
    """JSON (a list of objects), or aligned columns that never cut a value."""
    if as_json:
        typer.echo(json.dumps(rows))
        return
    cells = [[str(header) for header in headers]]
    cells += [["" if row[h] is None else str(row[h]) for h in headers] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(headers))]
    for line in cells:
        typer.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )


@company_app.command("create")
def company_create(
    name: Annotated[str, typer.Option(help="Company name.")],
    email: Annotated[str | None, typer.Option(help="Contact email.")] = None,
    sandbox: Annotated[bool, typer.Option(help="Allow the sandbox endpoints.")] = False,
    metric: Annotated[bool, typer.Option(help="Measure in metres instead of feet.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create a company and its first API key."""
    from planroom.companies import service as companies

    def create(session: Any) -> dict[str, Any]:
        new = companies.create_company(
            session,
            name=name,
            email=email,
            sandbox=sandbox,
            measurement_system="metric" if metric else "imperial",
        )
        return {
            "id": str(new.company.id),
            "name": new.company.name,
            "email": new.company.email,
            "sandbox": new.company.sandbox,
            "api_key": new.api_key,
        }

    result = _in_unit_of_work(create)
    if as_json:
        typer.echo(json.dumps(result))
    else:
        typer.echo(
            f"Company {result['name']} ({result['id']})\nAPI key (shown once): {result['api_key']}"
        )


@company_app.command("list")
def company_list(as_json: JsonFlag = False) -> None:
    """List every company."""
    from planroom.companies import service as companies

    def rows(session: Any) -> list[dict[str, Any]]:
        return [
            {
                "id": str(company.id),
                "name": company.name,
                "email": company.email,
                "sandbox": company.sandbox,
                "created": _when(company.created_at),
            }
            for company in companies.list_companies(session)
        ]

    found = _in_unit_of_work(rows)
    if not as_json:
        found = [{**row, "sandbox": "yes" if row["sandbox"] else ""} for row in found]
    _print_rows(("id", "name", "email", "sandbox", "created"), found, as_json)


CompanyOption = Annotated[uuid.UUID, typer.Option("--company", help="Company id.")]


@apikey_app.command("create")
def apikey_create(
    company_id: CompanyOption,
    name: Annotated[str, typer.Option(help="A label for the key.")] = "default",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create another API key for a company."""
    from planroom.auth import service as keys
    from planroom.companies import service as companies

    def create(session: Any) -> dict[str, Any]:
        companies.get_company(session, company_id)
        created = keys.create_api_key(session, company_id, name)
        return {"id": str(created.key.id), "name": name, "api_key": created.secret}

    result = _in_unit_of_work(create)
    if as_json:
        typer.echo(json.dumps(result))
    else:
        typer.echo(f"API key {result['id']} (shown once): {result['api_key']}")


@apikey_app.command("list")
def apikey_list(company_id: CompanyOption, as_json: JsonFlag = False) -> None:
    """List a company's API keys (the secrets are never shown again)."""
    from planroom.auth import service as keys
    from planroom.companies import service as companies

    def rows(session: Any) -> list[dict[str, Any]]:
        companies.get_company(session, company_id)
        return [
            {
                "id": str(key.id),
                "name": key.name,
                "starts_with": key.prefix + "…",
                "created": _when(key.created_at),
                "revoked": _when(key.revoked_at) or None,
            }
            for key in keys.list_api_keys(session, company_id)
        ]

    _print_rows(
        ("id", "name", "starts_with", "created", "revoked"), _in_unit_of_work(rows), as_json
    )


@apikey_app.command("revoke")
def apikey_revoke(
    company_id: CompanyOption,
    key_id: Annotated[uuid.UUID, typer.Option("--key", help="API key id.")],
) -> None:
    """Revoke one API key; calls with it get 401 from now on."""
    from planroom.auth import service as keys

    _in_unit_of_work(lambda session: keys.revoke_api_key(session, company_id, key_id))
    typer.echo(f"Revoked {key_id}.")


@mail_app.command("list")
def mail_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    body: Annotated[bool, typer.Option(help="Print each message's text.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show the newest emails Planroom sent or kept."""
    from planroom.mail.service import list_outbox

    def rows(session: Any) -> list[dict[str, Any]]:
        return [
            {
                "created": _when(message.created_at),
                "state": "sent" if message.sent_at else ("failed" if message.error else "outbox"),
                "to": message.recipient,
                "subject": message.subject,
                "body": message.body,
            }
            for message in list_outbox(session, limit)
        ]

    messages = _in_unit_of_work(rows)
    if as_json:
        typer.echo(json.dumps(messages))
        return
    for message in messages:
        typer.echo(
            f"{message['created']} {message['state']} to {message['to']}: {message['subject']}"
        )
        if body:
            typer.echo(message["body"])


@operator_app.command("create")
def operator_create(
    name: Annotated[str, typer.Option(help="The drafter's or operator's name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create an operator and its bearer token for the production API (shown once)."""
    from planroom.production import operators

    def create(session: Any) -> dict[str, Any]:
        created = operators.create_operator(session, name)
        return {
            "id": str(created.operator.id),
            "name": created.operator.name,
            "token": created.token,
        }

    result = _in_unit_of_work(create)
    if as_json:
        typer.echo(json.dumps(result))
    else:
        typer.echo(
            f"Operator {result['name']} ({result['id']})\n"
            f"Token (shown once; send it as `Authorization: Bearer <token>` to "
            f"/api/production/v1): {result['token']}"
        )


@operator_app.command("list")
def operator_list(as_json: JsonFlag = False) -> None:
    """List operators (their tokens are never shown again)."""
    from planroom.production import operators

    def rows(session: Any) -> list[dict[str, Any]]:
        return [
            {
                "id": str(operator.id),
                "name": operator.name,
                "created": _when(operator.created_at),
                "revoked": _when(operator.revoked_at) or None,
            }
            for operator in operators.list_operators(session)
        ]

    _print_rows(("id", "name", "created", "revoked"), _in_unit_of_work(rows), as_json)


@operator_app.command("revoke")
def operator_revoke(
    operator_id: Annotated[uuid.UUID, typer.Option("--id", help="Operator id.")],
) -> None:
    """Revoke an operator's token; calls with it get 401 from now on."""
    from planroom.production import operators

    _in_unit_of_work(lambda session: operators.revoke_operator(session, operator_id))
    typer.echo(f"Revoked operator {operator_id}.")
