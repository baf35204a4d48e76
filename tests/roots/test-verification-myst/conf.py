extensions = ["myst_parser", "sphinxcontrib_enhspec"]
enhspec_require_verification = ["approved", "implemented"]
