extensions = ["sphinxcontrib_enhspec"]
enhspec_reviews = "enhspec-reviews.json"
