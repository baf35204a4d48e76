extensions = ["myst_parser", "sphinxcontrib_enhspec"]
enhspec_test_results = ["results.xml"]
