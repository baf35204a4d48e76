extensions = ['sphinxcontrib_enhspec']
