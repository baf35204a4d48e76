"""``python -m sphinxcontrib_enhspec.cli``: the same as the ``enhspec`` command."""

import sys

from . import main

sys.exit(main())
