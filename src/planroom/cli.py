"""The `planroom` command line."""

from __future__ import annotations

import json
import logging
import os
import sys
import uuid
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

import planroom.tasks  # noqa: F401 - the command line is a composition root: it registers every job
from planroom.auth import service as keys
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.mail.service import list_outbox
from planroom.migrations.run import upgrade
from planroom.runtime import Runtime
from planroom.settings import Settings

app = typer.Typer(help="Planroom: floor-plan ordering and production.", no_args_is_help=True)
company_app = typer.Typer(help="Companies.", no_args_is_help=True)
apikey_app = typer.Typer(help="A company's API keys.", no_args_is_help=True)
mail_app = typer.Typer(help="The mail outbox.", no_args_is_help=True)
operator_app = typer.Typer(help="Operators (drafters) of the production API.", no_args_is_help=True)
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(mail_app, name="mail")
app.add_typer(operator_app, name="operator")

console = Console()
# a cold process imports for a while before it answers uvicorn's health check
WORKER_START_SECONDS = 120


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
    workers: Annotated[
        int, typer.Option(min=1, help="API processes; past 1, jobs run in this process only.")
    ] = 1,
) -> None:
    """Migrate, then serve the API, the pages and the embedded workers."""
    import uvicorn

    from planroom.app import create_app
    from planroom.jobs.consumer import embedded_consumer

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
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "loop": "uvloop",
        "http": "httptools",
        # the app answers 503 `overloaded` in the API's shape first; uvicorn counts idle
        # keep-alive connections too, so its own (plain-text) 503 is only the last resort
        "limit_concurrency": max(1024, settings.max_concurrent_requests * 16),
    }
    if workers == 1:
        uvicorn.run(create_app(runtime), **options)
        return
    # Several API processes: they run no job threads (a Huey consumer per process would also
    # mean one reconciler each); this supervising process runs the embedded workers once.
    os.environ.update(PLANROOM_HOST=host, PLANROOM_PORT=str(port), PLANROOM_EMBEDDED_WORKERS="0")
    _spawn_without_main_script()
    with embedded_consumer(runtime, settings.embedded_workers):
        uvicorn.run(
            "planroom.app:app_from_environment",
            factory=True,
            workers=workers,
            timeout_worker_healthcheck=WORKER_START_SECONDS,
            **options,
        )
    runtime.close()


def _spawn_without_main_script() -> None:
    """Spawned API processes re-run the main script unless it has no `__file__`; they need
    nothing from the `planroom` entry script, and re-running it made them exit at once."""
    main = sys.modules["__main__"]
    if getattr(main, "__spec__", None) is None and hasattr(main, "__file__"):
        del main.__file__


@app.command()
def worker(
    threads: Annotated[int, typer.Option(min=1, help="Jobs run at the same time.")] = 2,
) -> None:
    """Run background jobs and the reconcilers until Ctrl-C; jobs in hand finish first."""
    from planroom.jobs.consumer import PlanroomConsumer
    from planroom.jobs.registry import job_names, reconciler_names

    log_format = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=logging.INFO, format=log_format)
    logging.getLogger("huey").setLevel(logging.WARNING)
    runtime = _runtime()
    consumer = PlanroomConsumer(runtime, workers=threads, embedded=False)
    storage = type(runtime.queue.huey.storage).__name__
    console.print(
        f"Worker: {threads} thread(s) on queue {runtime.queue.name!r} ({storage}), "
        f"{consumer.webhook_consumer.workers} webhook thread(s) beside them.\n"
        f"Jobs: {', '.join(job_names())}\nReconcilers: {', '.join(reconciler_names())}\n"
        "Press Ctrl-C to stop."
    )
    try:
        consumer.run()
    finally:
        runtime.close()
    console.print("Worker stopped.")


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


@operator_app.command("create")
def operator_create(
    name: Annotated[str, typer.Option(help="The drafter's or operator's name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Create an operator and its bearer token for the production API (shown once)."""
    from planroom.production import operators

    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        created = operators.create_operator(session, name)
        result = {
            "id": str(created.operator.id),
            "name": created.operator.name,
            "token": created.token,
        }
    if as_json:
        typer.echo(json.dumps(result))
    else:
        console.print(
            f"Operator {result['name']} ({result['id']})\n"
            f"Token (shown once; send it as `Authorization: Bearer <token>` to "
            f"/api/production/v1): {result['token']}"
        )


@operator_app.command("list")
def operator_list() -> None:
    """List operators (their tokens are never shown again)."""
    from planroom.production import operators

    runtime = _runtime()
    table = Table("id", "name", "created", "revoked")
    with unit_of_work(runtime.session_factory) as session:
        for operator in operators.list_operators(session):
            table.add_row(
                str(operator.id),
                operator.name,
                operator.created_at.isoformat(timespec="seconds"),
                operator.revoked_at.isoformat(timespec="seconds") if operator.revoked_at else "",
            )
    console.print(table)


@operator_app.command("revoke")
def operator_revoke(
    operator_id: Annotated[uuid.UUID, typer.Option("--id", help="Operator id.")],
) -> None:
    """Revoke an operator's token; calls with it get 401 from now on."""
    from planroom.production import operators

    runtime = _runtime()
    with unit_of_work(runtime.session_factory) as session:
        operators.revoke_operator(session, operator_id)
    console.print(f"Revoked operator {operator_id}.")


@app.command()
def demo(
    sample: Annotated[
        str, typer.Option(help="apartment, house_garage_porch or two_storey_basement.")
    ] = "apartment",
    package: Annotated[str, typer.Option(help="base, plus or plus_3d.")] = "plus_3d",
    add_ons: Annotated[
        str,
        typer.Option(
            "--add-ons",
            help="Comma-separated add-ons; empty for none. 3d_video adds minutes of rendering.",
        ),
    ] = "gla,3d_cad_files",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Make an order from a sample scan, run it to Ready here, and print every link."""
    from planroom.core.errors import FieldError
    from planroom.demo import print_result, run_demo
    from planroom.orders.products import ADD_ONS, PACKAGE_TYPES

    chosen = [add_on.strip() for add_on in add_ons.split(",") if add_on.strip()]
    unknown = [add_on for add_on in chosen if add_on not in ADD_ONS]
    if package not in PACKAGE_TYPES or unknown:
        raise typer.BadParameter(
            f"packages: {', '.join(PACKAGE_TYPES)}; add-ons: {', '.join(ADD_ONS)}"
        )
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    runtime = Runtime.from_settings(Settings())
    progress_console = Console(stderr=True) if as_json else console
    try:
        result = run_demo(
            runtime,
            console=progress_console,
            sample=sample,
            package=package,
            add_ons=chosen,
        )
    except FieldError as exc:
        raise typer.BadParameter(f"sample: {exc.msg}") from None
    finally:
        runtime.close()
    if as_json:
        typer.echo(json.dumps(result.to_json()))
    else:
        print_result(result, console)
    if result.status != "Ready":
        raise typer.Exit(code=1)
