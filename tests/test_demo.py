"""`planroom demo` on a fresh data directory: a sample scan to Ready, every link printed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planroom.cli import app as cli


def test_demo_runs_a_sample_scan_to_ready_on_a_fresh_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    env = {
        "PLANROOM_DATA_DIR": str(data_dir),
        "PLANROOM_DATABASE_URL": "",
        "PLANROOM_QUEUE_URL": "",
        "PLANROOM_STORAGE_URL": "",
        "PLANROOM_PUBLIC_URL": "http://demo.test:8000",
        "PLANROOM_RENDER_LONG_SIDE_PX": "300",
        "PLANROOM_VIDEO_SCALE": "0.1",
        "PLANROOM_AUTO_APPROVE_MODELS": "false",  # the demo approves what waits for a drafter
    }
    runner = CliRunner()
    first = runner.invoke(cli, ["demo"], env=env)
    assert first.exit_code == 0, first.output
    assert (data_dir / "planroom.db").exists()
    assert "is Ready" in first.output
    assert "Its API key (shown once)" in first.output
    assert "http://demo.test:8000/tours/" in first.output
    for product in (
        "listing_floorplans",
        "gla_package",
        "home_report",
        "snapshot",
        "floorplans_3d",
        "cad_files",
        "property_data",
    ):
        assert f"{product}." in first.output, product
    assert "video_3d." not in first.output  # the slow video is opt-in (`--add-ons`)

    second = runner.invoke(cli, ["demo", "--json", "--package", "base", "--add-ons", ""], env=env)
    assert second.exit_code == 0, second.output
    result = json.loads(second.output.strip().splitlines()[-1])
    assert result["status"] == "Ready"
    assert result["api_key"] is None  # the demo company is reused: its key was shown once
    assert result["tour_link"] == f"http://demo.test:8000/tours/{result['order_id']}"
    assert set(result["links"]) >= {
        "listing_floorplans.png_urls",
        "listing_floorplans.pdf_urls",
        "property_data.json_urls",
    }
    links = [url for urls in result["links"].values() for url in urls]
    assert all(url.startswith("http://demo.test:8000/files/") for url in links)
    files = list((data_dir / "files" / "orders" / result["order_id"]).rglob("*.png"))
    assert files
