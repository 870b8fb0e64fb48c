"""The `planroom` command line.

Imports stay inside the commands: `planroom --help` loads typer and this module only, and only
`serve`, `worker` and `demo` load every job (`planroom.tasks`). Errors a person can act on
(an unknown id, a database that cannot be reached) print one line to stderr and exit 1.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Any

import typer

from planroom.cli_admin import (
    OPTIONS,
    apikey_app,
    company_app,
    mail_app,
    open_runtime,
    operator_app,
)


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


app = _App(
    help="Planroom: floor-plan ordering and production.", pretty_exceptions_enable=False, **OPTIONS
)
webhooks_app = typer.Typer(help="Webhook tools for developers.", **OPTIONS)
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(mail_app, name="mail")
app.add_typer(operator_app, name="operator")
app.add_typer(webhooks_app, name="webhooks")

# a cold process imports for a while before it answers uvicorn's health check
WORKER_START_SECONDS = 120
LogFormat = Annotated[str, typer.Option(help="`json` (one object a line) or `text`.")]


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
    runtime = open_runtime()
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
    runtime = open_runtime()
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
