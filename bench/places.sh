#!/usr/bin/env bash
# Throughput and peak memory of `veille places` on >= 50 MB of French news.
#   bench/places.sh [MEGABYTES]
# Needs ../shared/data/news-fr (development data) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
news=${VEILLE_SHARED:-../shared}/data/news-fr/lefaso-security-2021-2022.jsonl
[ -f "$news" ] || { echo "skipping: $news not found" >&2; exit 0; }
mkdir -p bench-out
python3 bench/make-corpus.py "$news" bench-out/corpus.jsonl "$mb"
cargo build --release -q
bytes=$(stat -c %s bench-out/corpus.jsonl)
docs=$(wc -l < bench-out/corpus.jsonl)
/usr/bin/time -f "%e %U %S %M" -o bench-out/places.time ./target/release/veille places bench-out/corpus.jsonl > bench-out/places.jsonl
read -r seconds user system rss_kb < bench-out/places.time
python3 - "$bytes" "$docs" "$seconds" "$user" "$system" "$rss_kb" <<'PY'
import sys
b, d, s, u, k, r = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
cpu = u + k
# CPU time is what a core spends; wall time also counts waiting for a busy machine.
print(f"veille places: {b/1e6:.1f} MB, {d} documents; wall {s:.2f} s ({b/1e6/s:.1f} MB/s, {d/s:.0f} docs/s); "
      f"CPU {cpu:.2f} s ({b/1e6/cpu:.1f} MB/s per core, {d/cpu:.0f} docs/s per core); peak RSS {r/1024:.0f} MB (one thread)")
PY
