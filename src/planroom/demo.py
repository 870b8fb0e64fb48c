"""`planroom demo`: an order from a sample scan, through the whole production line to Ready,
in this process, with every link it delivers.

It uses the data directory and settings of every other command: the demo company is created
once (a sandbox company) and reused afterwards; each run makes a new order.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from planroom.companies import service as companies
from planroom.companies.models import Company
from planroom.db.engine import unit_of_work
from planroom.jobs.consumer import embedded_consumer
from planroom.migrations.run import upgrade
from planroom.orders import lifecycle, views
from planroom.orders import service as orders
from planroom.orders.service import NewOrderFields, new_order
from planroom.production import line
from planroom.runtime import Runtime
from planroom.sandbox import service as sandbox

DEMO_COMPANY_NAME = "Demo Company"
DEMO_PACKAGE = "plus_3d"
# the 3D video takes minutes of CPU at full size; `--add-ons gla,3d_cad_files,3d_video` adds it
DEMO_ADD_ONS = ("gla", "3d_cad_files")
WAIT_FOR_WORKERS_SECONDS = 600.0


@dataclass
class DemoResult:
    company_id: uuid.UUID
    order_id: uuid.UUID
    status: str
    api_key: str | None
    tour_link: str
    docs_link: str
    links: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "company_id": str(self.company_id),
            "order_id": str(self.order_id),
            "status": self.status,
            "api_key": self.api_key,
            "tour_link": self.tour_link,
            "docs_link": self.docs_link,
            "links": self.links,
            "seconds": round(self.seconds, 2),
        }


def demo_company(runtime: Runtime) -> tuple[Company, str | None]:
    """The demo company, and its API key when it was created just now (keys are shown once)."""
    with unit_of_work(runtime.session_factory) as session:
        existing = companies.company_named(session, DEMO_COMPANY_NAME)
        if existing is not None:
            return existing, None
        created = companies.create_company(session, name=DEMO_COMPANY_NAME, sandbox=True)
        return created.company, created.api_key


def create_demo_order(
    runtime: Runtime, company_id: uuid.UUID, *, sample: str, package: str, add_ons: list[str]
) -> uuid.UUID:
    """A draft at a demo address, then the sample scan uploaded as a client would."""
    sandbox.sample_upload(sample)  # an unknown sample fails before anything is stored
    with unit_of_work(runtime.session_factory) as session:
        company = companies.get_company(session, company_id)
        order = new_order(
            session,
            company,
            NewOrderFields(
                street="121 Demo Street",
                city="Minneapolis",
                state="Minnesota",
                postal_code="55411",
                country="United States",
                info=f"planroom demo: sample {sample}",
                package_type=package,
                add_ons=add_ons,
            ),
            status="Draft",
            owner=None,
            order_type=None,
            is_scan_order=True,
        )
        lifecycle.move(session, order, "Draft", actor="demo", creating=True)
        sandbox.upload_sample(session, runtime, order, sample, actor="demo")
        return order.id


@dataclass(frozen=True)
class DemoStep:
    done: int
    total: int
    state: str
    status: str


def order_step(runtime: Runtime, order_id: uuid.UUID) -> DemoStep:
    """Where the order is on the production line, and how many of its steps are done."""
    with runtime.session_factory() as session:
        order = orders.get_any_order(session, order_id)
        item = line.item_of(session, order_id)
        rows = orders.order_products(session, order_id)
    converted = 0 if item is None or item.state in ("new", "converting") else 1
    finished = sum(1 for row in rows if row.state in ("rendered", "delivered"))
    return DemoStep(
        done=converted + finished,
        total=1 + len(rows),
        state=item.state if item else "new",
        status=order.status if order else "gone",
    )


def _describe(step: DemoStep) -> str:
    return {
        "new": "Receiving the scan",
        "converting": "Converting the scan into a floor model",
        "approval": "Approving the floor model",
        "drafting": "Drafting the floor model",
        "rendering": "Rendering products",
        "done": "Delivered",
        "failed": "Failed",
    }.get(step.state, step.state)


def run_queue(
    runtime: Runtime,
    order_id: uuid.UUID,
    report: Callable[[DemoStep], None],
    *,
    drain: bool = True,
) -> DemoStep:
    """Follow the order until it is delivered (or fails), running queued jobs in this thread
    when `drain` (otherwise worker threads run them). Work another process's workers took is
    waited for; a model waiting for approval is approved."""
    approved = False
    deadline = time.monotonic() + WAIT_FOR_WORKERS_SECONDS
    step = order_step(runtime, order_id)
    report(step)
    while True:
        ran = runtime.queue.drain(max_tasks=1) if drain else 0
        step = order_step(runtime, order_id)
        report(step)
        if step.state in ("done", "failed"):
            return step
        if ran:
            continue
        if step.state in ("approval", "drafting") and not approved:
            with unit_of_work(runtime.session_factory) as session:
                approved = sandbox.approve_waiting(session, runtime, order_id)
            continue
        if step.state in ("drafting", "approval") or time.monotonic() > deadline:
            return step
        time.sleep(0.2 if drain else 0.05)  # workers hold the jobs: wait for them


def _links(assets: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for product, value in assets.items():
        if not isinstance(value, dict):
            continue
        for key, urls in value.items():
            if isinstance(urls, list):
                for url in urls:
                    yield f"{product}.{key}", str(url)
            elif isinstance(urls, str) and urls.startswith("http"):
                yield f"{product}.{key}", urls


def run_demo(
    runtime: Runtime,
    *,
    console: Console,
    sample: str = sandbox.DEFAULT_SAMPLE,
    package: str = DEMO_PACKAGE,
    add_ons: list[str] | None = None,
    show_progress: bool = True,
) -> DemoResult:
    started = time.monotonic()
    upgrade(runtime.engine)
    company, api_key = demo_company(runtime)
    order_id = create_demo_order(
        runtime,
        company.id,
        sample=sample,
        package=package,
        add_ons=list(DEMO_ADD_ONS if add_ons is None else add_ons),
    )
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        disable=not show_progress,
    ) as progress:
        task = progress.add_task("Receiving the scan", total=1)

        def report(step: DemoStep) -> None:
            progress.update(
                task, completed=step.done, total=step.total, description=_describe(step)
            )

        # The worker threads `planroom serve` runs, so the order's products render side by
        # side (the 3D video beside the 2D set) and the demo takes as long as a served order.
        with embedded_consumer(runtime, runtime.settings.embedded_workers) as consumer:
            run_queue(runtime, order_id, report, drain=consumer is None)
    with runtime.session_factory() as session:
        order = orders.get_any_order(session, order_id)
        fresh_company = companies.find_company(session, company.id)
        assert order is not None and fresh_company is not None
        out = views.order_out(session, runtime, fresh_company, order)
    links: dict[str, list[str]] = {}
    for name, url in _links(out.model_dump(mode="json")["delivery_assets"]):
        links.setdefault(name, []).append(url)
    public_url = runtime.settings.resolved_public_url
    return DemoResult(
        company_id=company.id,
        order_id=order_id,
        status=out.info.status,
        api_key=api_key,
        tour_link=f"{public_url}/tours/{order_id}",
        docs_link=f"{public_url}/docs",
        links=links,
        seconds=time.monotonic() - started,
    )


def print_result(result: DemoResult, console: Console) -> None:
    console.print(
        f"\n[bold]Order {result.order_id}[/bold] is [bold]{result.status}[/bold] "
        f"({result.seconds:.1f} s)."
    )
    for name, urls in result.links.items():
        console.print(f"[bold]{name}[/bold]")
        for url in urls:
            console.print(f"  {url}", soft_wrap=True)
    console.print(f"[bold]Tour[/bold]\n  {result.tour_link}", soft_wrap=True)
    if result.api_key:
        console.print(
            f"\nCreated the sandbox company {DEMO_COMPANY_NAME} ({result.company_id}). "
            f"Its API key (shown once):\n  {result.api_key}"
        )
    console.print(
        f"\nFile links are served by `planroom serve`; API docs: {result.docs_link}", soft_wrap=True
    )
