extensions = ["myst_parser", "sphinxcontrib_enhspec"]
