extensions = ["sphinxcontrib_enhspec"]
enhspec_test_results = ["results/junit.xml"]
