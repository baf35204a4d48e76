extensions = ["sphinxcontrib_enhspec", "myst_parser"]
