"""The `planroom` command line.

Imports stay inside the commands: `planroom --help` loads typer and this module only, and only
`serve`, `worker` and `demo` load every job (`planroom.tasks`). Errors a person can act on
(an unknown id, a database that cannot be reached) print one line to stderr and exit 1.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    from planroom.runtime import Runtime

ResultT = TypeVar("ResultT")


class _App(typer.Typer):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:  # one line for errors a person can act on, else re-raised
            message = _known_error(exc)
            if message is None:
                raise
            typer.echo(f"Error: {message}", err=True)
            sys.exit(1)


def _known_error(exc: Exception) -> str | None:
    from planroom.core.errors import PlanroomError

    if isinstance(exc, PlanroomError):
        return exc.message
    module = type(exc).__module__
    if module.startswith("sqlalchemy") and type(exc).__name__ == "OperationalError":
        return f"the database cannot be used: {str(exc).splitlines()[0]}"
    if module.startswith("httpx"):
        return f"{type(exc).__name__}: {exc}"
    return None


# plain click help and errors: rich's help formatting alone takes a second to import
OPTIONS: dict[str, Any] = {"no_args_is_help": True, "rich_markup_mode": None}
app = _App(
    help="Planroom: floor-plan ordering and production.", pretty_exceptions_enable=False, **OPTIONS
)
company_app = typer.Typer(help="Companies.", **OPTIONS)
apikey_app = typer.Typer(help="A company's API keys.", **OPTIONS)
mail_app = typer.Typer(help="The mail outbox.", **OPTIONS)
operator_app = typer.Typer(help="Operators (drafters) of the production API.", **OPTIONS)
webhooks_app = typer.Typer(help="Webhook tools for developers.", **OPTIONS)
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(mail_app, name="mail")
app.add_typer(operator_app, name="operator")
app.add_typer(webhooks_app, name="webhooks")

# a cold process imports for a while before it answers uvicorn's health check
WORKER_START_SECONDS = 120
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LogFormat = Annotated[str, typer.Option(help="`json` (one object a line) or `text`.")]


def _runtime(migrate: bool = True) -> Runtime:
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

    runtime = _runtime()
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


def _setup_logging(log_format: str, level: str = "INFO") -> None:
    import logging

    from planroom.core import logs

    if log_format not in ("json", "text"):
        raise typer.BadParameter("use json or text", param_hint="--log-format")
    logs.configure(getattr(logging, level), json_lines=log_format == "json")
    logging.getLogger("huey").setLevel(logging.WARNING)


@app.command()
def migrate() -> None:
    """Create or upgrade the database to the newest schema."""
    runtime = _runtime()
    typer.echo(f"Database is up to date: {runtime.engine.url.render_as_string()}")
    runtime.close()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="API processes; past 1, jobs run in this process only.")
    ] = 1,
    log_format: LogFormat = "json",
) -> None:
    """Migrate, then serve the API, the pages and the embedded workers."""
    import uvicorn

    import planroom.tasks  # noqa: F401 - the server runs jobs: it registers every one
    from planroom.app import create_app
    from planroom.companies import service as companies
    from planroom.db.engine import unit_of_work
    from planroom.jobs.consumer import embedded_consumer
    from planroom.migrations.run import upgrade
    from planroom.runtime import Runtime
    from planroom.settings import Settings

    _setup_logging(log_format)
    settings = Settings(host=host, port=port)
    runtime = Runtime.from_settings(settings)
    upgrade(runtime.engine)
    with unit_of_work(runtime.session_factory) as session:
        if not companies.any_company_exists(session):
            demo = companies.create_company(session, name="Demo Company", sandbox=True)
            typer.echo(
                f"Created a demo company (a sandbox). Its API key (shown once):\n  {demo.api_key}\n"
            )
    typer.echo(f"API docs: {settings.resolved_public_url}/docs")
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "log_config": None,  # our handlers (JSON lines); the app logs one line per request
        "access_log": False,
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
    metrics_port: Annotated[
        int | None, typer.Option(help="Serve this worker's Prometheus metrics on this port.")
    ] = None,
    log_format: LogFormat = "json",
) -> None:
    """Run background jobs and the reconcilers until Ctrl-C; jobs in hand finish first."""
    import planroom.tasks  # noqa: F401 - a worker runs any job: it registers every one
    from planroom.jobs.consumer import PlanroomConsumer
    from planroom.jobs.registry import job_names, reconciler_names

    _setup_logging(log_format)
    runtime = _runtime()
    consumer = PlanroomConsumer(runtime, workers=threads, embedded=False)
    if metrics_port is not None:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, addr=runtime.settings.host)
    storage = type(runtime.queue.huey.storage).__name__
    typer.echo(
        f"Worker: {threads} thread(s) on queue {runtime.queue.name!r} ({storage}), "
        f"{consumer.webhook_consumer.workers} webhook thread(s) beside them.\n"
        f"Jobs: {', '.join(job_names())}\nReconcilers: {', '.join(reconciler_names())}\n"
        "Press Ctrl-C to stop."
    )
    try:
        consumer.run()
    finally:
        runtime.close()
    typer.echo("Worker stopped.")


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


@webhooks_app.command("listen")
def webhooks_listen(
    forward_to: Annotated[
        str, typer.Option(help="Your local receiver, e.g. http://localhost:3000/hook.")
    ],
    api_key: Annotated[str, typer.Option(envvar="PLANROOM_API_KEY", help="The company's API key.")],
    api_url: Annotated[
        str, typer.Option(envvar="PLANROOM_API_URL", help="The Integrate API's base URL.")
    ] = "http://localhost:8000/api/integrate/v3",
    events: Annotated[
        str, typer.Option(help="Comma-separated triggers to forward; every one when empty.")
    ] = "",
    max_events: Annotated[
        int | None, typer.Option(min=1, help="Stop after forwarding this many events.")
    ] = None,
) -> None:
    """Forward your company's webhook events, signature headers and all, to a local URL."""
    from planroom.webhooks.forward import listen

    triggers = [event.strip() for event in events.split(",") if event.strip()]
    listen(api_url, api_key, forward_to, triggers, max_events=max_events, echo=typer.echo)


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
    import logging

    from rich.console import Console

    import planroom.tasks  # noqa: F401 - the demo runs the order's jobs: it registers them
    from planroom.core.errors import FieldError
    from planroom.demo import print_result, run_demo
    from planroom.orders.products import ADD_ONS, PACKAGE_TYPES
    from planroom.runtime import Runtime
    from planroom.settings import Settings

    chosen = [add_on.strip() for add_on in add_ons.split(",") if add_on.strip()]
    unknown = [add_on for add_on in chosen if add_on not in ADD_ONS]
    if package not in PACKAGE_TYPES or unknown:
        raise typer.BadParameter(
            f"packages: {', '.join(PACKAGE_TYPES)}; add-ons: {', '.join(ADD_ONS)}"
        )
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    console = Console()
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
