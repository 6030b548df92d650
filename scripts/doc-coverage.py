#!/usr/bin/env python3
"""Lists public and package declarations without a `///` doc comment directly above them.

Usage: scripts/doc-coverage.py [PATH ...]   (default: Sources)

A declaration counts when its line starts (after attributes such as @inlinable) with `public` or
`package` and declares a func, var, let, init, subscript, struct, enum, class, actor, protocol or
typealias; enum cases and extensions are not required. It is documented when the nearest line
above it that is not an attribute line (@inlinable, @inline(__always), @discardableResult, ...)
starts with `///`. Prints `file:line: name` for each undocumented declaration, then the counts
(public, package, documented); exits 1 if any declaration is undocumented. Python 3 standard
library only.
"""

import os
import re
import sys

KINDS = "func|var|let|init|subscript|struct|enum|class|actor|protocol|typealias"
MODIFIERS = (
    r"(?:static|class|final|override|mutating|nonmutating|nonisolated|convenience|required|indirect|lazy|"
    r"weak|unowned|dynamic|(?:private|fileprivate|internal|package|public)\(set\))"
)
ATTRIBUTE = r"@[A-Za-z_][A-Za-z0-9_.]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?"
DECLARATION = re.compile(
    rf"^(?:{ATTRIBUTE}\s+)*(?P<access>public|package)\s+(?:{MODIFIERS}\s+)*"
    rf"(?P<kind>{KINDS})\b[?!]?\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)?"
)
ATTRIBUTE_LINE = re.compile(rf"^(?:{ATTRIBUTE}\s*)+$")


def swift_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for root, directories, files in os.walk(path):
            directories.sort()
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(root, name)


def declarations(lines):
    """Yields (line number, access, name, documented) for each declaration in a file's lines."""
    in_string = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if line.count('"""') % 2 == 1:
            in_string = not in_string
            continue
        if in_string:
            continue
        match = DECLARATION.match(line)
        if not match:
            continue
        kind = match.group("kind")
        name = kind if kind in ("init", "subscript") else (match.group("name") or kind)
        above = index - 1
        while above >= 0 and ATTRIBUTE_LINE.match(lines[above].strip()):
            above -= 1
        documented = above >= 0 and lines[above].strip().startswith("///")
        yield index + 1, match.group("access"), name, documented


def main(arguments):
    paths = arguments or ["Sources"]
    counts = {"public": 0, "package": 0}
    missing = []
    for file in swift_files(paths):
        with open(file, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        for number, access, name, documented in declarations(lines):
            counts[access] += 1
            if not documented:
                missing.append(f"{file}:{number}: {name}")
    for entry in missing:
        print(entry)
    total = counts["public"] + counts["package"]
    print(
        f"{len(missing)} of {total} declarations without a /// doc comment "
        f"(public {counts['public']}, package {counts['package']}, documented {total - len(missing)})"
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
