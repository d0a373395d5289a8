#!/usr/bin/env python3
"""Writes a benchmark corpus of at least N MB by repeating the French news of
../shared (each copy with fresh ids), so that throughput is measured on real
prose. Usage: make-corpus.py SOURCE.jsonl OUT.jsonl MEGABYTES"""
import json
import sys

source, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
docs = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
# Documents with no text are input errors, not work: leave them out of a throughput run.
docs = [d for d in docs if d.get("text", "").strip()]
target = int(megabytes * 1_000_000)
written = 0
copy = 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        for doc in docs:
            doc = dict(doc, id=f"{doc['id']}-{copy}")
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
        copy += 1
print(f"{out}: {written / 1e6:.1f} MB, {copy * len(docs)} documents")
