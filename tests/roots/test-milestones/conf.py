extensions = ["sphinxcontrib_enhspec"]
enhspec_warn_overdue = True
