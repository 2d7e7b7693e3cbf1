"""`make screenshot`: the README's pictures of the seeds' review page (docs/review.png, docs/review-index.png).

Writes the report of outputs/ to a temporary file and photographs it in headless Chromium
(tests/browser.py: the system's chromium and chromedriver, `make browser`)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402

from pipeline.review.report import write_report  # noqa: E402

DOCUMENT = "002_80fa98daa23ce963"  # the seed with every kind of highlight, removed lines and five events


def main() -> int:
    if not browser.available():
        print("screenshot: no /usr/bin/chromium; run `make browser` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seeds.html"
        write_report(ROOT / "outputs", page)
        (ROOT / "docs").mkdir(exist_ok=True)
        with browser.chromium() as driver:
            driver.set_window_size(1400, 2300)  # the whole index: counts, charts, filters, tables
            driver.get(page.as_uri())
            driver.save_screenshot(str(ROOT / "docs" / "review-index.png"))
            driver.set_window_size(1400, 1000)
            driver.execute_script("location.hash = arguments[0]", f"doc={DOCUMENT}")
            time.sleep(0.5)
            driver.save_screenshot(str(ROOT / "docs" / "review.png"))
            errors = browser.console_errors(driver)
    if errors:
        print(f"screenshot: console errors {errors}", file=sys.stderr)
        return 1
    print("docs/review.png docs/review-index.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
