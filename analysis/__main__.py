"""`python -m analysis <command>`: see `analysis.cli`."""

from analysis.cli import main

raise SystemExit(main())
