extensions = ["sphinxcontrib_enhspec"]
language = "de"
locale_dirs = ["locales"]
