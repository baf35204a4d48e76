extensions = ["myst_parser", "sphinxcontrib_enhspec"]
myst_enable_extensions = ["colon_fence"]
enhspec_test_results = ["results/junit.xml"]
