"""Sections of docs/benchmarks.md. Each bench script owns one section ("## Heading" up to the next
"## ") and rewrites only that one, so the sections measured at different times stay side by side."""
import os


def find(text, heading):
    """The section under heading, from the heading to the next one; empty when text has none."""
    if heading not in text:
        return ""
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def replace(path, heading, section):
    """Writes section in place of the one under heading in path, or at its end."""
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    old = find(text, heading)
    if old:
        start = text.index(heading)
        text = text[:start] + section + text[start + len(old):]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as f:
        f.write(text)
