"""`python -m briefgen` runs the command line."""

import sys

from briefgen.cli.main import main

sys.exit(main())
