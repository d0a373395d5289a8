#!/usr/bin/env bash
# Throughput and peak memory of `veille extract` on >= 20 MB of English general news: the
# 1,017 articles of the geoparsing corpora (GeoWebNews, GeoVirus, LGL), repeated. World news
# names many countries and mostly reports no event, unlike the French security news of the
# main bench (`cargo bench -p veille-extract --bench extract`).
#   bench/extract-en.sh [MEGABYTES]
# Needs ../shared/data/geoparsing (development data) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
corpora=${VEILLE_SHARED:-../shared}/data/geoparsing
[ -d "$corpora" ] || { echo "skipping: $corpora not found" >&2; exit 0; }
mkdir -p bench-out
cargo build --release -q
./target/release/veille eval news-en --corpora "$corpora" --write-documents bench-out/news-en.jsonl > /dev/null
python3 bench/make-corpus.py bench-out/news-en.jsonl bench-out/corpus-en.jsonl "$mb"
bytes=$(stat -c %s bench-out/corpus-en.jsonl)
docs=$(wc -l < bench-out/corpus-en.jsonl)
# The corpora carry no publication date: the one `veille eval news-en` gives them.
/usr/bin/time -f "%e %U %S %M" -o bench-out/extract-en.time \
  ./target/release/veille extract bench-out/corpus-en.jsonl --published 2018-04-30 --format jsonl > bench-out/extract-en.jsonl
read -r seconds user system rss_kb < bench-out/extract-en.time
events=$(wc -l < bench-out/extract-en.jsonl)
python3 - "$bytes" "$docs" "$seconds" "$user" "$system" "$rss_kb" "$events" <<'PY'
import sys
b, d, s, u, k, r, e = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
cpu = u + k
# CPU time is what a core spends; wall time also counts waiting for a busy machine.
print(f"veille extract (English general news): {b/1e6:.1f} MB, {d} documents, {e} events; wall {s:.2f} s "
      f"({b/1e6/s:.1f} MB/s); CPU {cpu:.2f} s ({b/1e6/cpu:.1f} MB/s per core, {d/cpu:.0f} docs/s per core); "
      f"peak RSS {r/1024:.0f} MB (one thread)")
PY
