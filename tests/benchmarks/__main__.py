"""`python -m tests.benchmarks`: see tests/benchmarks/run.py."""

from tests.benchmarks.run import main

raise SystemExit(main())
