extensions = ["myst_parser", "sphinxcontrib_enhspec"]
language = "de"
locale_dirs = ["locales"]
