#!/usr/bin/env python3
"""Render every SVG of a `dyadsim report` directory to PNG and check it is not blank.

Usage: python3 Tests/python/test_report_render.py REPORT_DIR [PNG_DIR]

Needs `rsvg-convert` (Debian/Ubuntu package librsvg2-bin) and nothing but the Python 3 standard
library: the PNGs are decoded with zlib. A figure passes when rsvg-convert renders it without an
error, the image is at least 200 x 150 pixels, and between 1 % and 60 % of its pixels are not
white (a blank or an all-black render fails). Exits 1 if any figure fails, 2 on bad usage.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

MINIMUM_WIDTH, MINIMUM_HEIGHT = 200, 150
MINIMUM_INK, MAXIMUM_INK = 0.01, 0.60


def read_png(path):
    """Returns (width, height, rows) with rows as lists of (r, g, b) tuples (8-bit PNGs)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows, position = [], 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for index in range(stride):
            left = line[index - channels] if index >= channels else 0
            up = previous[index]
            corner = previous[index - channels] if index >= channels else 0
            if kind == 1:
                line[index] = (line[index] + left) & 0xFF
            elif kind == 2:
                line[index] = (line[index] + up) & 0xFF
            elif kind == 3:
                line[index] = (line[index] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
                predictor = left if distances[0] <= distances[1] and distances[0] <= distances[2] else up if distances[1] <= distances[2] else corner
                line[index] = (line[index] + predictor) & 0xFF
        previous = line
        pixels = []
        for start in range(0, stride, channels):
            pixel = line[start:start + channels]
            if channels <= 2:
                grey, alpha = pixel[0], (pixel[1] if channels == 2 else 255)
                pixels.append(composite((grey, grey, grey), alpha))
            else:
                pixels.append(composite(tuple(pixel[:3]), pixel[3] if channels == 4 else 255))
        rows.append(pixels)
    return width, height, rows


def composite(rgb, alpha):
    """The colour over a white background."""
    return tuple((value * alpha + 255 * (255 - alpha)) // 255 for value in rgb)


def ink_share(rows):
    """Share of pixels that are not (near) white."""
    total = sum(len(row) for row in rows)
    inked = sum(1 for row in rows for pixel in row if min(pixel) < 240)
    return inked / total if total else 0.0


def check(svg, png):
    """Renders svg to png; returns a list of problems (empty when it passes)."""
    zoom = os.environ.get("DYADSIM_RENDER_ZOOM", "1")  # 2 for print-quality PNGs to look at
    result = subprocess.run(["rsvg-convert", "--format=png", "--zoom=" + zoom, "--output", png, svg],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return ["rsvg-convert failed: " + result.stderr.strip()]
    width, height, rows = read_png(png)
    problems = []
    if width < MINIMUM_WIDTH or height < MINIMUM_HEIGHT:
        problems.append("only %d x %d pixels" % (width, height))
    share = ink_share(rows)
    if not MINIMUM_INK <= share <= MAXIMUM_INK:
        problems.append("%.1f %% of the pixels are not white (expected %d-%d %%)" % (100 * share, 100 * MINIMUM_INK, 100 * MAXIMUM_INK))
    print("%-20s %5d x %-5d ink %5.1f %%  %s" % (os.path.basename(svg), width, height, 100 * share, "FAIL" if problems else "ok"))
    return problems


def main():
    if len(sys.argv) not in (2, 3) or not os.path.isdir(sys.argv[1]):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if shutil.which("rsvg-convert") is None:
        print("error: rsvg-convert not found (install librsvg2-bin)", file=sys.stderr)
        return 2
    report = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) == 3 else tempfile.mkdtemp(prefix="dyadsim-report-png-")
    os.makedirs(output, exist_ok=True)
    figures = sorted(name for name in os.listdir(report) if name.endswith(".svg"))
    if not figures:
        print("error: no SVG files in %s" % report, file=sys.stderr)
        return 1
    failures = 0
    for name in figures:
        png = os.path.join(output, name[:-4] + ".png")
        try:
            problems = check(os.path.join(report, name), png)
        except (ValueError, zlib.error, struct.error) as error:
            problems = ["cannot decode the PNG: %s" % error]
        for problem in problems:
            print("error: %s: %s" % (name, problem), file=sys.stderr)
        failures += bool(problems)
    print("%d of %d figures rendered and not blank; PNGs in %s" % (len(figures) - failures, len(figures), output))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
