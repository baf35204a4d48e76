extensions = ["sphinxcontrib_enhspec"]
