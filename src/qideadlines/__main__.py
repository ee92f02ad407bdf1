"""``python -m qideadlines``."""

from qideadlines._cli import main

raise SystemExit(main())
