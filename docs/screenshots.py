"""Re-take the README's screenshots of the seed sample's HTML report, light and dark.

Run from the repository root after ``pip install -e '.[test]'``::

    python docs/screenshots.py

It renders the report the way a user gets it (``readouts compare --sample ... --format html``)
and photographs it in Debian's Chromium (``/usr/bin/chromium``) through playwright; it never
downloads a browser. It is a maintenance script: the tests do not run it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
SEED = "2023-01-31-pashinian-putin"
WIDTH = 1280  # a common laptop width: the report must read well at it without side-scrolling


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "seed.html"
        subprocess.run(
            [sys.executable, "-m", "readouts", "compare", "--sample", SEED, "--format", "html",
             "-o", str(report)],
            check=True,
        )  # fmt: skip
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"],
            )  # fmt: skip
            for scheme, name in (("light", "seed-report.png"), ("dark", "seed-report-dark.png")):
                page = browser.new_page(
                    viewport={"width": WIDTH, "height": 800}, color_scheme=scheme
                )
                page.goto(report.as_uri())
                page.screenshot(path=str(DOCS / name), full_page=True)
                page.close()
                print(f"wrote docs/{name}")
            browser.close()


if __name__ == "__main__":
    main()
