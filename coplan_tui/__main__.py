"""`python -m coplan_tui` is `coplan`, for machines where pip's script folder is not on PATH."""

import sys

from .cli import main

sys.exit(main())
