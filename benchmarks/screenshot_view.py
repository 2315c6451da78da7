"""Take the README's screenshot of a view in headless Chromium.

Run after ``kg build examples/ -o out``:
``.venv/bin/python benchmarks/screenshot_view.py out/graph.html examples/demo-view.png``
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(view: Path, png: Path, *, width: int = 1200, height: int = 760) -> int:
    """Open ``view``, wait for its layout to settle, save a PNG; returns its size in bytes."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="kg-shot-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                headless=True,
                args=ARGS,
                viewport={"width": width, "height": height},
            )
            page = context.new_page()
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            page.goto(view.resolve().as_uri())
            page.wait_for_function("() => typeof window.kgStabilised === 'number'", timeout=60_000)
            page.evaluate("() => kgView.network.fit({animation: false})")
            page.wait_for_timeout(200)
            page.screenshot(path=str(png))
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return png.stat().st_size


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    size = screenshot(source, target)
    print(f"wrote {target} ({size / 1024:.0f} KiB)")
