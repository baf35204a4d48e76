extensions = ["sphinxcontrib_enhspec"]
release = "2.0"
enhspec_warn_overdue = True
