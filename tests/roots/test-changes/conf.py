extensions = ["sphinxcontrib_enhspec"]
# Made from an earlier state of these pages by tests/make_baselines.py.
enhspec_baselines = {"1.0": "baselines/enhspec-1.0.json"}
