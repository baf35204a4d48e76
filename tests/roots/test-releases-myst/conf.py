extensions = ["sphinxcontrib_enhspec", "myst_parser"]
release = "2.0"
enhspec_warn_overdue = True
