"""Take the README's screenshot of the graph page again, from the current code: docs/img/graph.png.

    python scripts/page_screenshot.py                  # build ../shared/corpus/seeds, shoot its page as it opens
    python scripts/page_screenshot.py out/ -o shot.png # the page of an existing build folder (or a .html file)

The page is opened as a user opens it (headless Debian Chromium through Playwright, 1400 × 900, network off) and
shot once it is ready, without any interaction: what the README shows is the first sight. Needs the test extras
(``pip install -e '.[test]'`` brings Playwright's client; the browser is /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1400, "height": 900}


def shoot(page_file: Path, png: Path, timeout: float = 60.0) -> None:
    """Open ``page_file`` offline in headless Chromium and save a screenshot once the page says it is ready."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(viewport=VIEWPORT, offline=True)
            page = context.new_page()
            page.goto(page_file.resolve().as_uri())
            deadline = time.monotonic() + timeout
            while not page.evaluate("Boolean(window.kgPage && window.kgPage.ready)"):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{page_file} did not become ready in {timeout:g} s")
                page.wait_for_timeout(50)
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", type=Path,
                        help="a build folder or a graph.html (default: build the seeds into a temporary folder)")
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "img" / "graph.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.build is None:
            import kg

            kg.build(SEEDS, Path(tmp) / "out")
            page = Path(tmp) / "out" / "graph.html"
        else:
            page = args.build / "graph.html" if args.build.is_dir() else args.build
        shoot(page, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
