"""`python -m radar` runs the command line."""
from radar.cli import main

raise SystemExit(main())
