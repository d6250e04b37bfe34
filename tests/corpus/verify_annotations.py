"""Check that the corpus annotations point at the lines they claim to.

Run: .venv/bin/python tests/corpus/verify_annotations.py

For every ``<name>.expected.json`` beside this script it checks that:

* the essay file exists and ``essay`` names it;
* every finding uses a known rule and a line inside the file;
* the line holds what the annotation says: ``text`` always; the variant spelling
  (``names[0]``) for name-variant; ``name`` for list-entry findings (on the
  entry's first line) and for citation findings (on the line or the next one,
  since citations wrap);
* list-entry findings sit on a reference's first line, body findings before the list;
* ``references`` equals the number of ``reference_lines`` and each of those lines
  starts an entry (non-blank, not indented);
* every trap's ``text`` is on its line.

It prints the number of planted findings per rule and exits 1 on any mismatch.

Besides the agreed keys (``rule``, ``line``, ``names``/``name``, ``field``), a
finding may carry ``text`` (a snippet that is on its line: the quotation's start,
or the citation or entry it concerns) and ``note`` (a remark for humans). The
annotation also lists ``reference_lines``: the first line of each entry, in order.
When one line holds two findings (long unwrapped paragraphs), both are listed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

RULES = {
    "name-variant",
    "missing-reference",
    "unused-reference",
    "quote-without-page",
    "unbalanced-quote",
    "missing-field",
    "bibliography-order",
    "duplicate-entry",
    "year-mismatch",
    "ambiguous-citation",
    "inconsistent-style",
}
# Findings that belong to an entry of the list (annotated on the entry's first line).
ENTRY_RULES = {
    "unused-reference",
    "missing-field",
    "bibliography-order",
    "duplicate-entry",
    "inconsistent-style",
}
QUOTE_MARKS = "\"'“”‘’"


def check(path: Path) -> tuple[list[str], Counter[str]]:
    errors: list[str] = []
    counts: Counter[str] = Counter()
    data = json.loads(path.read_text(encoding="utf-8"))
    essay = HERE / data["essay"]
    if not essay.is_file():
        return [f"{path.name}: essay {data['essay']!r} not found"], counts
    if path.name != essay.stem + ".expected.json":
        errors.append(f"{path.name}: annotation name does not match essay {essay.name}")
    lines = essay.read_text(encoding="utf-8").split("\n")

    def line_at(n: int) -> str:
        return lines[n - 1] if 1 <= n <= len(lines) else ""

    ref_lines: list[int] = data.get("reference_lines", [])
    if data["references"] != len(ref_lines):
        errors.append(
            f"{essay.name}: references={data['references']} but {len(ref_lines)} reference_lines"
        )
    if ref_lines != sorted(set(ref_lines)):
        errors.append(f"{essay.name}: reference_lines not strictly increasing")
    for n in ref_lines:
        text = line_at(n)
        if not text.strip() or text[0].isspace():
            errors.append(f"{essay.name}:{n}: reference line is blank or indented: {text!r}")
    first_ref = ref_lines[0] if ref_lines else len(lines) + 1

    for f in data["findings"]:
        rule, n = f["rule"], f["line"]
        where = f"{essay.name}:{n} [{rule}]"
        counts[rule] += 1
        if rule not in RULES:
            errors.append(f"{where}: unknown rule")
            continue
        if not 1 <= n <= len(lines):
            errors.append(f"{where}: line out of range (file has {len(lines)})")
            continue
        text = line_at(n)
        window = text + " " + line_at(n + 1)
        if "text" in f and f["text"] not in text:
            errors.append(f"{where}: text {f['text']!r} not on line: {text!r}")
        if rule == "name-variant":
            variant, listed = f["names"][0], f["names"][1]
            if variant not in text:
                errors.append(f"{where}: variant {variant!r} not on line: {text!r}")
            if variant == listed:
                errors.append(f"{where}: the two spellings are identical")
        elif rule in ENTRY_RULES:
            if n not in ref_lines:
                errors.append(f"{where}: not the first line of a reference")
            if f.get("name") and f["name"] not in text:
                errors.append(f"{where}: name {f['name']!r} not on entry line: {text!r}")
            if rule == "missing-field" and not f.get("field"):
                errors.append(f"{where}: missing-field without 'field'")
        else:
            if n >= first_ref:
                errors.append(f"{where}: body finding inside the reference list")
            if f.get("name") and f["name"] not in window:
                errors.append(f"{where}: name {f['name']!r} not on line or next: {text!r}")
            if rule in ("quote-without-page", "unbalanced-quote"):
                quoted = f.get("text", "")
                if not quoted:
                    errors.append(f"{where}: quotation finding without 'text'")
                elif rule == "unbalanced-quote" and quoted[0] not in QUOTE_MARKS:
                    errors.append(f"{where}: unbalanced-quote text should start at the mark")

    for t in data.get("traps", []):
        n = t["line"]
        if t["text"] not in line_at(n):
            errors.append(f"{essay.name}:{n} [trap]: {t['text']!r} not on line: {line_at(n)!r}")
    return errors, counts


def main() -> int:
    files = sorted(HERE.glob("*.expected.json"))
    if not files:
        print("no *.expected.json files found", file=sys.stderr)
        return 1
    total: Counter[str] = Counter()
    errors: list[str] = []
    for path in files:
        errs, counts = check(path)
        errors.extend(errs)
        total.update(counts)
        data = json.loads(path.read_text(encoding="utf-8"))
        print(
            f"{data['essay']:22} findings={len(data['findings']):3} "
            f"traps={len(data.get('traps', [])):3} references={data['references']:3}"
        )
    print()
    for rule in sorted(RULES):
        print(f"  {rule:20} {total[rule]:3}")
    print(f"  {'total':20} {sum(total.values()):3}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
