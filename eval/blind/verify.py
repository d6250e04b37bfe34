"""Self-check for the blind evaluation set.

Run:  /work/main/.venv/bin/python eval/blind/verify.py

It does not use bibwarden.  For every <name>.expected.json next to this
file it checks that:

  * the JSON has exactly the agreed schema and rule names;
  * every annotated line contains the text it is about (an independent
    anchor table below, written by hand, plus the name(s) in the finding);
  * rule-specific facts hold (the variant spelling is absent from the list
    and does not occur earlier; a missing author is absent from the list;
    an unused entry's author never occurs in the essay body; a displaced
    entry is the one whose removal leaves the list sorted; a duplicate has
    an earlier entry with the same author and year; an ambiguous name has
    two or more entries; a mismatched year is not a year of that author's
    entries; an unbalanced quotation is never closed in its paragraph);
  * "references" equals the number of entries in the list;
  * the essay body is 600-1000 words.

Exit status is 0 when everything holds, 1 otherwise.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

RULES = {
    "name-variant": {"names"},
    "missing-reference": {"name"},
    "unused-reference": {"name"},
    "quote-without-page": set(),
    "unbalanced-quote": set(),
    "missing-field": {"field"},
    "bibliography-order": {"name"},
    "duplicate-entry": set(),
    "year-mismatch": {"name"},
    "ambiguous-citation": {"name"},
    "inconsistent-style": set(),
}
FIELDS = {"publisher", "address", "pages", "year", "journal"}

# How to find the reference list in each essay: (regex for the line where the
# list starts -- a heading, or the first entry itself --, whether that line is
# itself an entry, regex for a line after the list or None).
LISTS = {
    "reformation.txt": (r"^Reference list$", False, None),
    "india.txt": (r"^Works Cited$", False, None),
    "weimar.md": (r"^## Bibliography$", False, None),
    "cuban-missile-crisis.txt": (r"^References$", False, None),
    "black-death.md": (r"^## Works Cited$", False, None),
    "collectivisation.txt": (r"^Applebaum, Anne\.", True, r"^\d+ thoughts on "),
}

# Hand-written anchors: (rule, line, text that must appear on that line).
ANCHORS = {
    "reformation.txt": [
        ("year-mismatch", 5, "(Pettegree 2016, p. 143)"),
        ("name-variant", 7, "As McCulloch observes"),
        ("missing-reference", 11, "Blickle (1981, p. 97)"),
        ("quote-without-page", 11, "‘was never simply a mouthpiece for the princes who protected him’ (Roper 2016)"),
        ("missing-field", 21, "Cameron, E. (1991) The European Reformation. Clarendon Press."),
        ("bibliography-order", 23, "Ozment, S. (1980)"),
        ("duplicate-entry", 29, "Edwards, M.U., Jr (1994) Printing, propaganda"),
        ("unused-reference", 33, "Haigh, C. (1993)"),
    ],
    "india.txt": [
        ("name-variant", 10, "As Thomas Metcalfe shows"),
        ("missing-reference", 14, "(Amin 48)"),
        ("ambiguous-citation", 16, "(Brown 218)"),
        ("unbalanced-quote", 16, "“the rich peasants and traders"),
        ("quote-without-page", 18, "“more concerned with getting out than with what they left behind” (Khan)"),
        ("inconsistent-style", 30, "Davis, M. (2001). Late Victorian holocausts"),
        ("unused-reference", 31, "Ferguson, Niall."),
        ("missing-field", 33, "Guha, Ranajit."),
        ("duplicate-entry", 38, "Sarkar, Sumit. Modern India 1885-1947. Macmillan India"),
    ],
    "weimar.md": [
        ("quote-without-page", 36, "“a moment of extraordinary creativity in"),
        ("name-variant", 48, "Bruning’s deflationary policy"),
        ("year-mismatch", 91, "Evans, *The Coming of the Third Reich* (London: Allen Lane, 2004), 307–8."),
        ("ambiguous-citation", 92, "[^11]: Evans, 312."),
        ("name-variant", 95, "[^14]: Momsen,"),
        ("unbalanced-quote", 105, "that “the man they had hoped to control"),
        ("missing-reference", 110, "[^15]: Karl Dietrich Bracher"),
        ("missing-field", 124, "Weimar Republic.” 95, no. 2 (1990)"),
        ("bibliography-order", 130, "Weitz, Eric D."),
        ("unused-reference", 134, "Gay, Peter."),
    ],
    "cuban-missile-crisis.txt": [
        ("unbalanced-quote", 12, "\"rewrote the record to make its author look like a dove"),
        ("missing-reference", 14, "(Gaddis, 1997, p. 263)"),
        ("year-mismatch", 14, "(Fursenko & Naftali, 1998, p. 240)"),
        ("quote-without-page", 18, "\"not by the wisdom of leaders alone but by the restraint of men far down the chain of command\" (Dobbs, 2008)."),
        ("name-variant", 18, "Plokhii (2021) pushes"),
        ("duplicate-entry", 25, "Allison, G. T., & Zelikow, P. D. (1999)."),
        ("missing-field", 27, "Blight, J. G., & Welch, D. A. On the brink"),
        ("unused-reference", 35, "Sagan, S. D. (1993)."),
        ("inconsistent-style", 37, "Taubman, William. Khrushchev: The Man and His Era. New York: W. W. Norton, 2003."),
    ],
    "black-death.md": [
        ("name-variant", 24, "Cohen went further"),
        ("name-variant", 37, "as Benedictov points out"),
        ("unbalanced-quote", 53, "suggests that \"the pogroms"),
        ("missing-reference", 62, "Gottfried, too,"),
        ("quote-without-page", 68, "observing that \"the Black Death did not initiate"),
        ("bibliography-order", 102, "Twigg, Graham."),
        ("missing-field", 103, "McNeill, William H. *Plagues and Peoples*. 1976."),
        ("unused-reference", 106, "Tuchman, Barbara W."),
    ],
    "collectivisation.txt": [
        ("year-mismatch", 11, "(Conquest 1987, 225)"),
        ("name-variant", 13, "Kulchytskyi argues"),
        ("quote-without-page", 13, "“to destroy the Ukrainian peasantry and the Ukrainian national movement at the same time” (Applebaum 2017)."),
        ("ambiguous-citation", 13, "(Viola, 67)"),
        ("name-variant", 15, "Khlevnyuk’s biography"),
        ("missing-reference", 15, "(Kotkin 2017, 128)"),
        ("inconsistent-style", 32, "Harvard Ukrainian Research Institute: Cambridge, MA."),
        ("bibliography-order", 42, "Fitzpatrick, Sheila."),
        ("unused-reference", 44, "Snyder, Timothy."),
        ("missing-field", 46, "Slavic Review 50 (1)."),
    ],
}

OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"'}

errors = []


def err(essay, msg):
    errors.append(f"{essay}: {msg}")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def word_in(word, text):
    return re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text) is not None


def split_list(essay, lines):
    """Return (body_end_index, list of (line_no, entry_text))."""
    start_re, start_is_entry, end_re = LISTS[essay]
    start = next(i for i, l in enumerate(lines) if re.search(start_re, l))
    first = start if start_is_entry else start + 1
    end = len(lines)
    if end_re:
        end = next(i for i, l in enumerate(lines) if re.search(end_re, l))
    entries = []
    for i in range(first, end):
        l = lines[i]
        if not l.strip():
            continue
        if l[0].isspace():  # hanging-indent continuation
            ln, text = entries[-1]
            entries[-1] = (ln, text + " " + l.strip())
        else:
            entries.append((i + 1, l.strip()))
    return start, end, entries


def surname(entry_text, prev):
    if entry_text.startswith("---"):
        return prev
    return entry_text.split(",")[0].strip()


def paragraph_of(lines, idx):
    """Text of the paragraph containing 0-based line idx, from that line on."""
    out = []
    for l in lines[idx:]:
        if not l.strip():
            break
        out.append(l)
    return "\n".join(out)


def body_words(lines, body_end):
    return len(" ".join(l for l in lines[:body_end] if not l.startswith("[^")).split())


def check(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    essay = data.get("essay")
    if set(data) != {"essay", "findings", "references"}:
        err(path.name, f"top-level keys {sorted(data)}")
    if path.name != Path(essay).stem + ".expected.json":
        err(path.name, "file name does not match essay")
    lines = (HERE / essay).read_text(encoding="utf-8").split("\n")
    body_end, list_end, entries = split_list(essay, lines)
    body = lines[:body_end]
    names, prev = [], None
    for ln, text in entries:
        prev = surname(text, prev)
        names.append((ln, prev, text))
    list_text = "\n".join(t for _, _, t in names)

    if data["references"] != len(entries):
        err(essay, f"references={data['references']} but the list has {len(entries)} entries")
    wc = body_words(lines, body_end)
    if not 600 <= wc <= 1000:
        err(essay, f"body has {wc} words")

    anchors = {(r, l): s for r, l, s in ANCHORS[essay]}
    seen = set()
    for f in data["findings"]:
        rule, line = f.get("rule"), f.get("line")
        if rule not in RULES:
            err(essay, f"unknown rule {rule}")
            continue
        if set(f) != {"rule", "line"} | RULES[rule]:
            err(essay, f"{rule}@{line}: keys {sorted(f)}")
        if not isinstance(line, int) or not 1 <= line <= len(lines):
            err(essay, f"{rule}: bad line {line}")
            continue
        text = lines[line - 1]
        key = (rule, line)
        if key in seen:
            err(essay, f"{rule}@{line} annotated twice")
        seen.add(key)
        if key not in anchors:
            err(essay, f"{rule}@{line} has no anchor in verify.py")
        elif anchors[key] not in text:
            err(essay, f"{rule}@{line}: line does not contain {anchors[key]!r}")

        entry_lines = {ln for ln, _, _ in names}
        entry = next((x for x in names if x[0] == line), None)
        in_body = line - 1 < body_end

        if rule == "name-variant":
            variant, listed = f["names"]
            if not word_in(variant, text):
                err(essay, f"{rule}@{line}: {variant!r} not on line")
            if any(word_in(variant, l) for l in lines[: line - 1]):
                err(essay, f"{rule}@{line}: {variant!r} occurs earlier")
            if not any(n == listed for _, n, _ in names):
                err(essay, f"{rule}@{line}: {listed!r} is not an author in the list")
            if word_in(variant, list_text):
                err(essay, f"{rule}@{line}: {variant!r} occurs in the list")
        elif rule == "missing-reference":
            n = f["name"]
            if not word_in(n, text):
                err(essay, f"{rule}@{line}: {n!r} not on line")
            if word_in(n, list_text):
                err(essay, f"{rule}@{line}: {n!r} is in the list")
            if any(word_in(n, l) for l in body[: line - 1]):
                err(essay, f"{rule}@{line}: {n!r} occurs earlier")
        elif rule in ("unused-reference", "bibliography-order"):
            n = f["name"]
            if entry is None or entry[1] != n:
                err(essay, f"{rule}@{line}: not the first line of an entry by {n!r}")
            if rule == "unused-reference" and any(word_in(n, l) for l in body):
                err(essay, f"{rule}@{line}: {n!r} occurs in the essay body")
            if rule == "bibliography-order":
                keys = [fold(s) for _, s, _ in names]
                rest = [k for (ln, _, _), k in zip(names, keys) if ln != line]
                if keys == sorted(keys) or rest != sorted(rest):
                    err(essay, f"{rule}@{line}: removing {n!r} does not make the list sorted")
        elif rule in ("missing-field", "inconsistent-style", "duplicate-entry"):
            if line not in entry_lines:
                err(essay, f"{rule}@{line}: not the first line of a list entry")
            if rule == "missing-field" and f["field"] not in FIELDS:
                err(essay, f"{rule}@{line}: bad field {f['field']!r}")
            if rule == "duplicate-entry" and entry:
                year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", entry[2]).group(1)
                if not any(ln < line and s == entry[1] and year in t for ln, s, t in names):
                    err(essay, f"{rule}@{line}: no earlier entry by {entry[1]} from {year}")
        elif rule == "year-mismatch":
            n = f["name"]
            region = anchors.get(key, text)  # the citation itself, not other mentions on the line
            m = re.search(re.escape(n) + r"[^\n]*?\b(1[5-9]\d\d|20\d\d)\b", region)
            listed_years = {y for _, s, t in names if s == n for y in re.findall(r"\b(?:1[5-9]\d\d|20\d\d)\b", t)}
            if not m:
                err(essay, f"{rule}@{line}: no year after {n!r}")
            elif m.group(1) in listed_years:
                err(essay, f"{rule}@{line}: {m.group(1)} is a listed year for {n}")
        elif rule == "ambiguous-citation":
            n = f["name"]
            if not word_in(n, text):
                err(essay, f"{rule}@{line}: {n!r} not on line")
            if sum(1 for _, s, _ in names if s == n) < 2:
                err(essay, f"{rule}@{line}: fewer than two entries by {n!r}")
        elif rule in ("quote-without-page", "unbalanced-quote"):
            if not in_body:
                err(essay, f"{rule}@{line}: not in the essay body")
            anchor = anchors.get(key, "")
            pos = text.find(anchor)
            opener = next((i for i in range(pos, pos + len(anchor)) if text[i] in OPEN_CLOSE), None) if pos >= 0 else None
            if opener is None:
                err(essay, f"{rule}@{line}: no opening quotation mark in anchor")
            elif rule == "unbalanced-quote":
                rest = paragraph_of(lines, line - 1)[opener + 1:]
                close = OPEN_CLOSE[text[opener]]
                if close in rest:
                    err(essay, f"{rule}@{line}: the quotation is closed later in the paragraph")

    for key in anchors:
        if key not in seen:
            err(essay, f"anchor {key} has no finding")
    return essay, len(data["findings"]), len(entries), wc


def main():
    files = sorted(HERE.glob("*.expected.json"))
    total = {}
    for p in files:
        essay, n, refs, wc = check(p)
        print(f"{essay:28} findings={n:2}  references={refs:2}  words={wc}")
        for f in json.loads(p.read_text(encoding="utf-8"))["findings"]:
            total[f["rule"]] = total.get(f["rule"], 0) + 1
    print()
    for r in RULES:
        print(f"  {r:20} {total.get(r, 0)}")
    print(f"  {'total':20} {sum(total.values())}")
    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
