#!/usr/bin/env python3
"""Counts how many events of the shared samples griot places right (issue 9, acceptance 2).

usage: bench/places/samples.py [GRIOT_BINARY] [-v]     (from the repository root)

Runs `griot extract` on every ../shared/samples/*/*.txt (with its .meta.json's date and
language) and compares each event's location with bench/places/sample-places.tsv, the
hand judgement of where the events happened (the readings carry no place fields). Prints one
line per judged or placed event with -v, then the totals:
  placed      events griot gives a location
  right       placed events whose name, country and precision are the judged ones
  admin1      of those below country level, how many have the judged admin1
  wrong       placed events whose place is another one, or that the text does not place
  unjudged    placed events with no line in the judgement file (judge them and add a line)
  missed      judged events with a place that griot leaves unplaced
"""
import json, os, subprocess, sys, unicodedata, re

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
shared = os.path.join(root, "..", "shared", "samples")


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", s))


def key(trigger):
    return " ".join(fold(trigger).split()[:3])


def judgements(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                sys.exit("%s:%d: want 5 tab-separated columns" % (path, n))
            sample, typ, trig, occ, want = cols
            exp = None
            if want != "-":
                parts = want.split("|")
                if len(parts) != 4:
                    sys.exit("%s:%d: want name|country|admin1|precision or -" % (path, n))
                exp = {"name": parts[0], "country": parts[1], "admin1": parts[2], "precision": int(parts[3])}
            out[(sample, typ, key(trig), int(occ))] = exp
    return out


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if not os.path.isdir(shared):
        sys.exit("bench/places/samples.py: ../shared/samples is absent")
    binary = argv[1] if len(argv) > 1 else None
    if binary is None:
        binary = "/tmp/griot-places-samples"
        subprocess.run(["go", "build", "-o", binary, "./cmd/griot"], cwd=root, check=True)
    judged = judgements(os.path.join(root, "bench", "places", "sample-places.tsv"))
    names = [fn[:-4] for lang in sorted(os.listdir(shared)) if os.path.isdir(os.path.join(shared, lang))
             for fn in sorted(os.listdir(os.path.join(shared, lang))) if fn.endswith(".txt")]
    full = {}
    for k, v in judged.items():
        hits = [n for n in names if n.startswith(k[0])]
        if len(hits) != 1:
            sys.exit("sample-places.tsv: %r names %d samples, want 1" % (k[0], len(hits)))
        full[(hits[0],) + k[1:]] = v
    judged = full
    seen = set()
    tot = dict(placed=0, right=0, below=0, admin1=0, wrong=0, unjudged=0, missed=0, expected=0)
    for lang in sorted(os.listdir(shared)):
        if not os.path.isdir(os.path.join(shared, lang)):
            continue
        for fn in sorted(os.listdir(os.path.join(shared, lang))):
            if not fn.endswith(".txt"):
                continue
            sample = fn[:-4]
            txt = os.path.join(shared, lang, fn)
            meta = json.load(open(txt[:-4] + ".meta.json", encoding="utf-8"))
            out = subprocess.run([binary, "extract", "--published", meta["published"], "--lang", meta["lang"], txt],
                                 capture_output=True, check=True).stdout
            raw = open(txt, "rb").read()
            count = {}
            for e in json.loads(out)["events"]:
                t = e["trigger"]
                trig = key(raw[t["start"]:t["end"]].decode("utf-8", "replace"))
                k0 = (sample, e["type"], trig)
                count[k0] = count.get(k0, 0) + 1
                k = k0 + (count[k0],)
                loc = e.get("location")
                if loc:
                    tot["placed"] += 1
                if k not in judged:
                    if loc:
                        tot["unjudged"] += 1
                        verdict = "UNJUDGED"
                    else:
                        continue
                else:
                    seen.add(k)
                    exp = judged[k]
                    if exp:
                        tot["expected"] += 1
                    if loc is None:
                        verdict = "missed" if exp else "right (no place)"
                        tot["missed"] += 1 if exp else 0
                    elif exp is None:
                        verdict = "WRONG (the text does not place it)"
                        tot["wrong"] += 1
                    elif fold(loc.get("name")) == fold(exp["name"]) and loc.get("country") == exp["country"] \
                            and loc.get("precision") == exp["precision"]:
                        tot["right"] += 1
                        verdict = "right"
                        if exp["precision"] < 4:
                            tot["below"] += 1
                            if (loc.get("admin1") or "") == exp["admin1"]:
                                tot["admin1"] += 1
                            else:
                                verdict = "right, admin1 %r want %r" % (loc.get("admin1") or "", exp["admin1"])
                    else:
                        tot["wrong"] += 1
                        verdict = "WRONG, want %s" % "|".join(str(exp[c]) for c in ("name", "country", "admin1", "precision"))
                if verbose:
                    got = "-"
                    if loc:
                        got = "|".join(str(loc.get(c) or "") for c in ("name", "country", "admin1", "precision"))
                    print("%s %s %r #%d: %s → %s" % (sample, e["type"], trig, k[3], got, verdict))
    for k in sorted(set(judged) - seen):
        print("judged event not found in griot's output (events changed? re-judge): %s %s %r #%d" % k)
    print("PLACES placed %(placed)d, right %(right)d (admin1 right %(admin1)d of %(below)d below country level), "
          "wrong %(wrong)d, unjudged %(unjudged)d; judged with a place %(expected)d, missed %(missed)d" % tot)


if __name__ == "__main__":
    main(sys.argv)
