"""The `planroom` command line."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from planroom.auth import service as keys
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.db.migrate import upgrade
from planroom.mail.service import list_outbox
from planroom.runtime import Runtime
from planroom.settings import Settings

app = typer.Typer(help="Planroom: floor-plan ordering and production.", no_args_is_help=True)
company_app = typer.Typer(help="Companies.", no_args_is_help=True)
apikey_app = typer.Typer(help="A company's API keys.", no_args_is_help=True)
mail_app = typer.Typer(help="The mail outbox.", no_args_is_help=True)
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(mail_app, name="mail")

console = Console()


def _runtime(migrate: bool = True) -> Runtime:
    runtime = Runtime.from_settings(Settings())
    if migrate:
        upgrade(runtime.engine)
    return runtime


@app.command()
def migrate() -> None:
    """Create or upgrade the database to the newest schema."""
    runtime = _runtime()
    console.print(f"Database is up to date: {runtime.engine.url.render_as_string()}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Migrate, then serve the API, the pages and the embedded workers."""
    import uvicorn

    from planroom.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings(host=host, port=port)
    runtime = Runtime.from_settings(settings)
    upgrade(runtime.engine)
    with unit_of_work(runtime.session_factory) as session:
        if not companies.any_company_exists(session):
            demo = companies.create_company(session, name="Demo Company", sandbox=True)
            console.print(
                "[bold]Created a demo company.[/bold] Its API key (shown once):\n"
                f"  {demo.api_key}\n"
            )
    console.print(f"API docs: {settings.resolved_public_url}/docs")
    uvicorn.run(create_app(runtime), host=host, port=port, log_level="info")


@company_app.command("create")
def company_create(
    name: Annotated[str, typer.Option(help="Company name.")],
    email: Annotated[str | None, typer.Option(help="Contact email.")] = None,
    sandbox: Annotated[bool, typer.Option(help="Allow the sandbox endpoints.")] = False,
    metric: Annotated[bool, typer.Option(help="Measure in metres instead of feet.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create a company and its first API key."""
    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        new = companies.create_company(
            session,
            name=name,
            email=email,
            sandbox=sandbox,
            measurement_system="metric" if metric else "imperial",
        )
        result = {
            "id": str(new.company.id),
            "name": new.company.name,
            "email": new.company.email,
            "sandbox": new.company.sandbox,
            "api_key": new.api_key,
        }
    if as_json:
        typer.echo(json.dumps(result))
    else:
        console.print(
            f"Company {result['name']} ({result['id']})\nAPI key (shown once): {result['api_key']}"
        )


@company_app.command("list")
def company_list() -> None:
    """List every company."""
    runtime = _runtime()
    table = Table("id", "name", "email", "sandbox", "created")
    with unit_of_work(runtime.session_factory) as session:
        for company in companies.list_companies(session):
            table.add_row(
                str(company.id),
                company.name,
                company.email or "",
                "yes" if company.sandbox else "",
                company.created_at.isoformat(timespec="seconds"),
            )
    console.print(table)


@apikey_app.command("create")
def apikey_create(
    company_id: Annotated[uuid.UUID, typer.Option("--company", help="Company id.")],
    name: Annotated[str, typer.Option(help="A label for the key.")] = "default",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create another API key for a company."""
    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        companies.get_company(session, company_id)
        created = keys.create_api_key(session, company_id, name)
        result = {"id": str(created.key.id), "name": name, "api_key": created.secret}
    if as_json:
        typer.echo(json.dumps(result))
    else:
        console.print(f"API key {result['id']} (shown once): {result['api_key']}")


@apikey_app.command("list")
def apikey_list(
    company_id: Annotated[uuid.UUID, typer.Option("--company", help="Company id.")],
) -> None:
    """List a company's API keys (the secrets are never shown again)."""
    runtime = _runtime()
    table = Table("id", "name", "starts with", "created", "revoked")
    with unit_of_work(runtime.session_factory) as session:
        for key in keys.list_api_keys(session, company_id):
            table.add_row(
                str(key.id),
                key.name,
                key.prefix + "…",
                key.created_at.isoformat(timespec="seconds"),
                key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else "",
            )
    console.print(table)


@apikey_app.command("revoke")
def apikey_revoke(
    company_id: Annotated[uuid.UUID, typer.Option("--company", help="Company id.")],
    key_id: Annotated[uuid.UUID, typer.Option("--key", help="API key id.")],
) -> None:
    """Revoke one API key; calls with it get 401 from now on."""
    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        keys.revoke_api_key(session, company_id, key_id)
    console.print(f"Revoked {key_id}.")


@mail_app.command("list")
def mail_list(
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
    body: Annotated[bool, typer.Option(help="Print each message's text.")] = False,
) -> None:
    """Show the newest emails Planroom sent or kept."""
    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        for message in list_outbox(session, limit):
            state = "sent" if message.sent_at else ("failed" if message.error else "outbox")
            console.print(
                f"[bold]{message.created_at.isoformat(timespec='seconds')}[/bold] "
                f"{state} to {message.recipient}: {message.subject}"
            )
            if body:
                console.print(message.body)
