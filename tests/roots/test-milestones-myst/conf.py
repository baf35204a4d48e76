extensions = ["sphinxcontrib_enhspec", "myst_parser"]
enhspec_warn_overdue = True
