"""``python -m geo.demo``: write the demo dataset (data contoh sintetis) into data/demo."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from geo.demo import SEED, generate
from geo.schema import DEMO_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.demo", description="Tulis data contoh sintetis ke data/demo.")
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="folder keluaran (default data/demo)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    summary = generate(args.out, args.seed)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
