print("gsp-sandbox: not built yet")
