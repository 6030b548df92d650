#!/usr/bin/env python3
"""Open a `dyadsim report` page in a real browser (headless Chromium) and check it.

Usage: python3 Tests/python/test_report_browser.py SCREENSHOT_DIR REPORT_DIR [REPORT_DIR ...]

For each report directory, loads REPORT_DIR/index.html through chromedriver and fails when
- the browser logs a console message of level SEVERE (a script error or a resource that failed to load),
- an <img> did not load (not complete, or zero natural width), or the page has no <img> at all,
- the page's visible text is shorter than 200 characters (a blank or broken page),
- the full-page screenshot is blank (fewer than 1 % non-white pixels).
Writes SCREENSHOT_DIR/<report name>.png (the whole page) so a person can look at it.

Needs Debian's `chromium` and `chromium-driver` packages and `pip install selenium`.
Exits 1 if any page fails, 2 on bad usage or a missing browser.
"""
import os
import shutil
import sys

from test_report_render import read_png

MINIMUM_TEXT = 200
MINIMUM_INK = 0.01


def open_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--hide-scrollbars", "--allow-file-access-from-files"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver")
    service = Service(executable_path=driver_path) if driver_path else Service()
    return webdriver.Chrome(service=service, options=options)


def ink_share(png_path):
    width, height, rows = read_png(png_path)
    inked = sum(1 for row in rows for pixel in row if min(pixel) < 245)
    return inked / float(width * height)


def check_page(driver, report_dir, screenshot_dir):
    problems = []
    index = os.path.join(os.path.abspath(report_dir), "index.html")
    if not os.path.isfile(index):
        return ["%s: no index.html" % report_dir]
    driver.get("file://" + index)
    driver.execute_script("return document.readyState")
    images = driver.execute_script(
        "return Array.from(document.images).map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])")
    if not images:
        problems.append("%s: the page shows no image" % index)
    for source, complete, width in images:
        if not complete or not width:
            problems.append("%s: image %s did not load" % (index, source))
    text = driver.execute_script("return document.body ? document.body.innerText : ''") or ""
    if len(text.strip()) < MINIMUM_TEXT:
        problems.append("%s: the page shows only %d characters of text" % (index, len(text.strip())))
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append("%s: console error: %s" % (index, entry.get("message", "")[:300]))
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1280, max(800, min(int(height) + 40, 16000)))
    name = os.path.basename(os.path.normpath(os.path.dirname(index)))
    if name in ("report", ""):
        name = os.path.basename(os.path.normpath(os.path.dirname(os.path.dirname(index))))
    shot = os.path.join(screenshot_dir, name + ".png")
    driver.save_screenshot(shot)
    share = ink_share(shot)
    if share < MINIMUM_INK:
        problems.append("%s: the screenshot is blank (%.2f %% ink)" % (index, 100 * share))
    print("%s: %d images, %d characters, %.1f %% ink, screenshot %s%s" % (
        index, len(images), len(text), 100 * share, shot, "" if not problems else " -- FAIL"))
    return problems


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    screenshot_dir, report_dirs = arguments[0], arguments[1:]
    os.makedirs(screenshot_dir, exist_ok=True)
    try:
        driver = open_browser()
    except Exception as error:  # a missing browser or driver is a set-up problem, not a page failure
        print("error: cannot start headless Chromium: %s" % str(error).splitlines()[0], file=sys.stderr)
        return 2
    problems = []
    try:
        for report_dir in report_dirs:
            problems += check_page(driver, report_dir, screenshot_dir)
    finally:
        driver.quit()
    for problem in problems:
        print("FAIL: " + problem)
    print("browser check: " + ("PASS" if not problems else "FAIL"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
