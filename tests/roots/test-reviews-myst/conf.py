extensions = ["sphinxcontrib_enhspec", "myst_parser"]
enhspec_reviews = "enhspec-reviews.json"
